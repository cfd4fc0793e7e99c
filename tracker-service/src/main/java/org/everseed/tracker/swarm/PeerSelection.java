package org.everseed.tracker.swarm;

import java.util.ArrayList;
import java.util.List;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.CompactPeers;
import org.everseed.bittorrent.tracker.Peer;
import org.everseed.bittorrent.tracker.PeerAddress;
import org.everseed.bittorrent.tracker.http.AnnounceRequestParser;

/**
 * The output of one announce, reusable so the hot path allocates nothing for it: the peers handed out
 * (copied as words from the swarm's storage into a pre-sized array of {@link #CAPACITY} peers) and the
 * swarm's counts after the announce. Filled by {@link Swarm#announce}, read by the transport that
 * writes the answer: compact forms straight from the words ({@link CompactPeers}), or {@link #peers()}
 * for the dictionary form. Not thread-safe: one per thread (or per request), reused request after request.
 */
public final class PeerSelection implements CompactPeers {
    /** Most peers one announce can hand out: the parsers' cap on {@code numwant}. */
    public static final int CAPACITY = AnnounceRequestParser.MAX_NUMWANT;
    /** Longs copied per peer: the first five of {@link PeerList}'s record (all but last seen). */
    private static final int WORDS = PeerList.SEEN;
    private final long[] words = new long[CAPACITY * WORDS];
    private int count;
    private int ipv6Count;
    private int seeders;
    private int leechers;
    private boolean completedCounted;

    /** Empties the selection before an announce. */
    void reset() {
        count = 0;
        ipv6Count = 0;
        seeders = 0;
        leechers = 0;
        completedCounted = false;
    }

    /** Adds the peer whose record starts at {@code data[at]}; the caller stays within {@link #CAPACITY}. */
    void add(long[] data, int at) {
        int to = count * WORDS;
        System.arraycopy(data, at, words, to, WORDS);
        if (!PeerWords.isIpv4(words[to + PeerList.IP_HIGH], words[to + PeerList.IP_LOW])) {
            ipv6Count++;
        }
        count++;
    }

    void finish(int seederCount, int leecherCount, boolean completed) {
        this.seeders = seederCount;
        this.leechers = leecherCount;
        this.completedCounted = completed;
    }

    /** How many peers were handed out. */
    public int count() {
        return count;
    }

    @Override
    public int count(boolean ipv6) {
        return ipv6 ? ipv6Count : count - ipv6Count;
    }

    @Override
    public int writeCompact(byte[] out, int at, boolean ipv6) {
        for (int i = 0; i < count * WORDS; i += WORDS) {
            long high = words[i + PeerList.IP_HIGH];
            long low = words[i + PeerList.IP_LOW];
            boolean v4 = PeerWords.isIpv4(high, low);
            if (v4 == ipv6) {
                continue;
            }
            if (v4) {
                PeerWords.putInt(out, at, (int) low);
                at += 4;
            } else {
                PeerWords.putLong(out, at, high);
                PeerWords.putLong(out, at + 8, low);
                at += 16;
            }
            int port = (int) words[i + PeerList.ID_LOW_PORT] & 0xffff;
            out[at] = (byte) (port >>> 8);
            out[at + 1] = (byte) port;
            at += 2;
        }
        return at;
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

    /** The peers handed out as a new list, in order, with their peer ids (for the dictionary form and tests). */
    public List<Peer> peers() {
        List<Peer> peers = new ArrayList<>(count);
        for (int i = 0; i < count * WORDS; i += WORDS) {
            byte[] id = new byte[PeerId.LENGTH];
            PeerWords.putLong(id, 0, words[i + PeerList.ID_HIGH]);
            PeerWords.putLong(id, 8, words[i + PeerList.ID_MIDDLE]);
            PeerWords.putInt(id, 16, (int) (words[i + PeerList.ID_LOW_PORT] >>> 32));
            PeerAddress address = PeerAddress.of(PeerWords.ipBytes(words[i + PeerList.IP_HIGH],
                    words[i + PeerList.IP_LOW]), (int) words[i + PeerList.ID_LOW_PORT] & 0xffff);
            peers.add(Peer.of(address, PeerId.of(id)));
        }
        return peers;
    }
}
