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

    /**
     * Records an announce (BEP 3) and picks peers for the answer into {@code out} (reset first). A
     * {@code stopped} peer leaves and gets none. A {@code completed} announce counts once per peer that
     * was not a seeder here yet. Seeders get leechers only; leechers get seeders first, then leechers,
     * each list from a random position on; nobody gets a peer with its own peer_id or address. Allocates
     * nothing unless the peer is new or changes role.
     *
     * @param numWant most peers to hand out, 0 to {@link PeerSelection#CAPACITY} (larger is lowered)
     */
    public synchronized void announce(PeerId peerId, PeerAddress address, long left, AnnounceEvent event,
                                      int numWant, long nowMillis, PeerSelection out) {
        out.reset();
        PeerEntry seeder = seeders.get(peerId);
        PeerEntry entry = seeder != null ? seeder : leechers.get(peerId);
        if (event == AnnounceEvent.STOPPED) {
            if (entry != null) {
                remove(peerId, nowMillis);
            }
            out.finish(seeders.size(), leechers.size(), false);
            return;
        }
        boolean nowSeeder = left == 0;
        boolean countCompleted = event == AnnounceEvent.COMPLETED && seeder == null;
        if (entry == null || (seeder != null) != nowSeeder) {
            if (entry != null) {
                remove(peerId, nowMillis);
            }
            entry = new PeerEntry(peerId, address, nowMillis);
            (nowSeeder ? seeders : leechers).add(entry);
            version++;
        }
        if (!entry.address.equals(address)) {
            entry.address = address;
        }
        entry.lastSeenMillis = nowMillis;
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
            seeders.collect(random.nextInt(seeders.size()), want, entry, out);
        }
        if (leechers.size() > 0) {
            leechers.collect(random.nextInt(leechers.size()), want - out.count(), entry, out);
        }
        out.finish(seeders.size(), leechers.size(), countCompleted);
    }

    private void remove(PeerId peerId, long nowMillis) {
        boolean wasSeeder = seeders.remove(peerId) != null;
        if (!wasSeeder) {
            leechers.remove(peerId);
        }
        version++;
        if (wasSeeder && seeders.size() == 0) {
            seederlessSinceMillis = nowMillis;
            emptyReported = false;
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
}
