package org.everseed.seed.session;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.SequencedSet;

/**
 * The seeder's choking (BEP 3): at most {@code uploadSlots} interested peers are unchoked at once,
 * across all torrents; the others wait in arrival order. Every {@code unchokeInterval}
 * {@link #rotate()} chokes the peer unchoked longest and unchokes the first waiter, so every
 * interested peer gets its turn. Thread-safe.
 */
public class UploadSlots {
    private final int capacity;
    private final SequencedSet<SlotHolder> unchoked = new LinkedHashSet<>();
    private final SequencedSet<SlotHolder> waiting = new LinkedHashSet<>();

    /** @param capacity most peers unchoked at once, at least 1 */
    public UploadSlots(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
    }

    /** The peer is interested: unchoke it if a slot is free, else queue it. Idempotent. */
    public synchronized void interested(SlotHolder peer) {
        if (unchoked.contains(peer) || waiting.contains(peer)) {
            return;
        }
        if (unchoked.size() < capacity) {
            unchoked.add(peer);
            peer.unchoke();
        } else {
            waiting.add(peer);
        }
    }

    /**
     * The peer is no longer interested or has gone: free its slot for the next waiter. The peer itself
     * is not sent anything (a gone peer cannot be; an uninterested one needs no choke).
     */
    public synchronized void release(SlotHolder peer) {
        waiting.remove(peer);
        if (unchoked.remove(peer)) {
            promote();
        }
    }

    /** Chokes the longest-unchoked peer if someone waits and unchokes the first waiter. */
    public synchronized void rotate() {
        if (waiting.isEmpty() || unchoked.size() < capacity) {
            promote();
            return;
        }
        Iterator<SlotHolder> oldest = unchoked.iterator();
        SlotHolder out = oldest.next();
        oldest.remove();
        out.choke();
        promote();
        waiting.addLast(out);
    }

    /** Whether {@code peer} holds a slot. */
    public synchronized boolean isUnchoked(SlotHolder peer) {
        return unchoked.contains(peer);
    }

    /** Peers holding a slot now. */
    public synchronized int unchokedCount() {
        return unchoked.size();
    }

    /** Peers waiting for a slot. */
    public synchronized int waitingCount() {
        return waiting.size();
    }

    private void promote() {
        while (unchoked.size() < capacity && !waiting.isEmpty()) {
            SlotHolder next = waiting.removeFirst();
            unchoked.add(next);
            next.unchoke();
        }
    }
}
