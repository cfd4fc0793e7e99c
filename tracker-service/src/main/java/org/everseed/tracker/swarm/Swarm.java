package org.everseed.tracker.swarm;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.PeerAddress;

/**
 * The peers of one registered torrent. Thread-safe: every method holds the swarm's lock, briefly.
 * Times are epoch milliseconds handed in by the caller, so tests control the clock.
 */
public final class Swarm {
    private final InfoHash infoHash;
    private final PeerList seeders = new PeerList();
    private final PeerList leechers = new PeerList();
    private long completed;
    /** When the swarm last lost (or never had) a seeder; -1 while it has one. */
    private long seederlessSinceMillis;
    private boolean emptyReported;
    /** Bumped on every change of the counts, so unchanged swarms send no {@code SwarmStats}. */
    private long version;
    /** The version of the last {@code SwarmStats} that went out; -1 before the first. */
    private long publishedVersion = -1;

    Swarm(InfoHash infoHash, long completed, long nowMillis) {
        this.infoHash = infoHash;
        this.completed = completed;
        this.seederlessSinceMillis = nowMillis;
    }

    /** The swarm's info_hash. */
    public InfoHash infoHash() {
        return infoHash;
    }

    /**
     * As {@link #announce(PeerId, PeerAddress, long, AnnounceEvent, int, long, PeerSelection)}, into a new
     * selection, returned as an {@link AnnounceOutcome} (tests and callers off the hot path).
     */
    public AnnounceOutcome announce(PeerId peerId, PeerAddress address, long left, AnnounceEvent event, int numWant,
                                    long nowMillis) {
        PeerSelection out = new PeerSelection();
        announce(peerId, address, left, event, numWant, nowMillis, out);
        return new AnnounceOutcome(out.peers(), out.seeders(), out.leechers(), out.completedCounted());
    }

    /** As {@link #announce(byte[], int, long, long, int, long, AnnounceEvent, int, long, PeerSelection)}, from value types. */
    public void announce(PeerId peerId, PeerAddress address, long left, AnnounceEvent event, int numWant,
                         long nowMillis, PeerSelection out) {
        byte[] ip = address.ip();
        announce(peerId.bytes(), 0, PeerWords.ipHigh(ip), PeerWords.ipLow(ip), address.port(), left, event, numWant,
                nowMillis, out);
    }

    /**
     * Records an announce (BEP 3) and picks peers for the answer into {@code out} (reset first). A
     * {@code stopped} peer leaves and gets none. A {@code completed} announce counts once per peer that
     * was not a seeder here yet. Seeders get leechers only; leechers get seeders first, then leechers,
     * each list from a random position on; nobody gets a peer with its own peer_id or address. Allocates
     * nothing, but to grow the swarm's arrays.
     *
     * @param peerId holds the 20-byte peer_id at {@code peerIdAt} (read, not kept)
     * @param ipHigh the peer's IP address as words ({@link PeerWords}), IPv4 as IPv4-mapped
     * @param port the peer's TCP port, 0..65535
     * @param numWant most peers to hand out, 0 to {@link PeerSelection#CAPACITY} (larger is lowered)
     */
    public synchronized void announce(byte[] peerId, int peerIdAt, long ipHigh, long ipLow, int port, long left,
                                      AnnounceEvent event, int numWant, long nowMillis, PeerSelection out) {
        out.reset();
        long idHigh = PeerWords.longAt(peerId, peerIdAt);
        long idMiddle = PeerWords.longAt(peerId, peerIdAt + 8);
        int idLow = PeerWords.intAt(peerId, peerIdAt + 16);
        // a peer is in one list at most: look first where its announce says it is (usually still true)
        int seeder;
        int leecher;
        if (left == 0) {
            seeder = seeders.find(idHigh, idMiddle, idLow);
            leecher = seeder < 0 ? leechers.find(idHigh, idMiddle, idLow) : -1;
        } else {
            leecher = leechers.find(idHigh, idMiddle, idLow);
            seeder = leecher < 0 ? seeders.find(idHigh, idMiddle, idLow) : -1;
        }
        if (event == AnnounceEvent.STOPPED) {
            remove(seeder, leecher, nowMillis);
            out.finish(seeders.size(), leechers.size(), false);
            return;
        }
        boolean nowSeeder = left == 0;
        boolean countCompleted = event == AnnounceEvent.COMPLETED && seeder < 0;
        int self = nowSeeder ? seeder : leecher;
        if (self >= 0) { // same role as before
            (nowSeeder ? seeders : leechers).update(self, ipHigh, ipLow, port, nowMillis);
        } else {
            remove(seeder, leecher, nowMillis);
            self = (nowSeeder ? seeders : leechers).add(idHigh, idMiddle, idLow, ipHigh, ipLow, port, nowMillis);
            version++;
        }
        if (countCompleted) {
            completed++;
            version++;
        }
        if (seeders.size() > 0) {
            seederlessSinceMillis = -1;
            emptyReported = false;
        }
        int want = Math.min(numWant, PeerSelection.CAPACITY);
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (!nowSeeder && seeders.size() > 0) {
            seeders.collect(random.nextInt(seeders.size()), want, -1, idHigh, idMiddle, idLow, ipHigh, ipLow, port,
                    out);
        }
        if (leechers.size() > 0) {
            leechers.collect(random.nextInt(leechers.size()), want - out.count(), nowSeeder ? -1 : self, idHigh,
                    idMiddle, idLow, ipHigh, ipLow, port, out);
        }
        out.finish(seeders.size(), leechers.size(), countCompleted);
    }

    /** Removes the peer at seeder position {@code seeder} or leecher position {@code leecher} (-1: not there). */
    private void remove(int seeder, int leecher, long nowMillis) {
        if (seeder >= 0) {
            seeders.remove(seeder);
            version++;
            if (seeders.size() == 0) {
                seederlessSinceMillis = nowMillis;
                emptyReported = false;
            }
        } else if (leecher >= 0) {
            leechers.remove(leecher);
            version++;
        }
    }

    /**
     * Removes peers last heard from before {@code cutoffMillis} and starts the seederless clock at
     * {@code nowMillis} if the last seeder went. Returns how many peers left.
     */
    public synchronized int expire(long cutoffMillis, long nowMillis) {
        int removed = seeders.removeIfSeenBefore(cutoffMillis) + leechers.removeIfSeenBefore(cutoffMillis);
        if (removed > 0) {
            version++;
        }
        if (seeders.size() == 0 && seederlessSinceMillis < 0) {
            seederlessSinceMillis = nowMillis;
            emptyReported = false;
        }
        return removed;
    }

    /**
     * If the swarm has had no seeder for at least {@code afterMillis} and this seederless period was
     * not reported yet, marks it reported and returns since when it is seederless.
     */
    public synchronized Optional<Instant> claimEmptyReport(long nowMillis, long afterMillis) {
        if (seeders.size() == 0 && seederlessSinceMillis < 0) {
            seederlessSinceMillis = nowMillis;
        }
        if (seeders.size() > 0 || emptyReported || nowMillis - seederlessSinceMillis < afterMillis) {
            return Optional.empty();
        }
        emptyReported = true;
        return Optional.of(Instant.ofEpochMilli(seederlessSinceMillis));
    }

    /** Undoes {@link #claimEmptyReport} when the report could not be written, so the next check retries. */
    public synchronized void releaseEmptyReport() {
        emptyReported = false;
    }

    /** The counts now. */
    public synchronized SwarmCounts counts() {
        return new SwarmCounts(infoHash, seeders.size(), leechers.size(), completed);
    }

    /** A number that changes whenever the counts change. */
    public synchronized long version() {
        return version;
    }

    /**
     * If the counts changed since the last {@code SwarmStats} (or none went out yet), their current
     * {@link #version()}; otherwise -1. Kept with the swarm, so a forgotten swarm leaves nothing behind.
     */
    public synchronized long unpublishedVersion() {
        return version == publishedVersion ? -1 : version;
    }

    /** Records that the {@code SwarmStats} of {@code publishedVersion} went out. */
    public synchronized void markPublished(long publishedVersion) {
        this.publishedVersion = publishedVersion;
    }

    /** Bytes of this swarm's peer storage (arrays only, object headers left out); for memory figures. */
    public synchronized long peerFootprintBytes() {
        return seeders.footprintBytes() + leechers.footprintBytes();
    }
}
