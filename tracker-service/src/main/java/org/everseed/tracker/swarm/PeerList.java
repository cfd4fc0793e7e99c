package org.everseed.tracker.swarm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.everseed.bittorrent.id.PeerId;

/**
 * Peers by peer_id with O(1) lookup, insertion, removal (swap with the last) and random access, so
 * that a random window of peers can be handed out. Not thread-safe: used under the swarm's lock.
 */
final class PeerList {
    private final List<PeerEntry> entries = new ArrayList<>();
    private final Map<PeerId, Integer> index = new HashMap<>();

    int size() {
        return entries.size();
    }

    PeerEntry get(PeerId id) {
        Integer i = index.get(id);
        return i == null ? null : entries.get(i);
    }

    void add(PeerEntry entry) {
        index.put(entry.peerId, entries.size());
        entries.add(entry);
    }

    PeerEntry remove(PeerId id) {
        Integer i = index.remove(id);
        if (i == null) {
            return null;
        }
        PeerEntry removed = entries.get(i);
        PeerEntry last = entries.removeLast();
        if (last != removed) {
            entries.set(i, last);
            index.put(last.peerId, i);
        }
        return removed;
    }

    /** Removes every entry last seen before {@code cutoffMillis}; returns how many. */
    int removeIfSeenBefore(long cutoffMillis) {
        int removed = 0;
        for (int i = entries.size() - 1; i >= 0; i--) {
            PeerEntry e = entries.get(i);
            if (e.lastSeenMillis < cutoffMillis) {
                remove(e.peerId);
                removed++;
            }
        }
        return removed;
    }

    /**
     * Adds to {@code out} up to {@code max} entries, starting at {@code start} (modulo size) and wrapping
     * around, skipping {@code self} and any entry with its peer_id or address.
     */
    void collect(int start, int max, PeerEntry self, PeerSelection out) {
        int n = entries.size();
        int i = start;
        for (int k = 0; k < n && max > 0; k++) {
            PeerEntry e = entries.get(i);
            if (e != self && !e.peerId.equals(self.peerId) && !e.address.equals(self.address)) {
                out.add(e.address, e.peerId);
                max--;
            }
            if (++i == n) {
                i = 0;
            }
        }
    }
}
