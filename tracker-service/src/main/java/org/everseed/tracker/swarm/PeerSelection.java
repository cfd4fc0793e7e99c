package org.everseed.tracker.swarm;

import java.util.ArrayList;
import java.util.List;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.Peer;
import org.everseed.bittorrent.tracker.PeerAddress;
import org.everseed.bittorrent.tracker.http.AnnounceRequestParser;

/**
 * The output of one announce, reusable so the hot path allocates nothing for it: the peers handed out
 * (their immutable addresses and peer ids, in pre-sized arrays of {@link #CAPACITY}) and the swarm's
 * counts after the announce. Filled by {@link Swarm#announce(PeerId, PeerAddress, long,
 * org.everseed.bittorrent.tracker.AnnounceEvent, int, long, PeerSelection)}, read by the transport that
 * writes the answer. Not thread-safe: one per thread (or per request), reused request after request.
 */
public final class PeerSelection {
    /** Most peers one announce can hand out: the parsers' cap on {@code numwant}. */
    public static final int CAPACITY = AnnounceRequestParser.MAX_NUMWANT;
    private final PeerAddress[] addresses = new PeerAddress[CAPACITY];
    private final PeerId[] peerIds = new PeerId[CAPACITY];
    private int count;
    private int seeders;
    private int leechers;
    private boolean completedCounted;

    /** Empties the selection before an announce. */
    void reset() {
        count = 0;
        seeders = 0;
        leechers = 0;
        completedCounted = false;
    }

    /** Adds a peer; the caller stays within {@link #CAPACITY}. */
    void add(PeerAddress address, PeerId peerId) {
        addresses[count] = address;
        peerIds[count] = peerId;
        count++;
    }

    void finish(int seederCount, int leecherCount, boolean completed) {
        this.seeders = seederCount;
        this.leechers = leecherCount;
        this.completedCounted = completed;
    }

    /** How many peers were handed out; {@link #addresses()}{@code [0, count)} holds them. */
    public int count() {
        return count;
    }

    /**
     * The backing array of the addresses handed out, valid in {@code [0, count())} until the next
     * announce into this selection; not a copy, so the caller must not keep or change it.
     */
    public PeerAddress[] addresses() {
        return addresses;
    }

    /** Seeders in the swarm after the announce. */
    public int seeders() {
        return seeders;
    }

    /** Leechers in the swarm after the announce. */
    public int leechers() {
        return leechers;
    }

    /** Whether the announce counted as a completed download (to be persisted before answering). */
    public boolean completedCounted() {
        return completedCounted;
    }

    /** The peers handed out as a new list, with their peer ids (for the dictionary form and tests). */
    public List<Peer> peers() {
        List<Peer> peers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            peers.add(Peer.of(addresses[i], peerIds[i]));
        }
        return peers;
    }
}
