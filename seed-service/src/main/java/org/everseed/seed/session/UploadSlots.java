package org.everseed.seed.session;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.SequencedSet;

/**
 * The seeder's choking (BEP 3), across all torrents: at most {@code regular} interested peers hold
 * a regular upload slot, plus, if enabled, one optimistic slot; the others wait in arrival order.
 * Regular slots rotate round-robin, as libtorrent's round-robin seeding choker: every
 * {@code unchoke-interval} {@link #rotate()} chokes the peer unchoked longest and unchokes the first
 * waiter. The optimistic slot rotates on its own, slower timer ({@link #rotateOptimistic()}): it goes
 * to the peer that has waited longest, so a newcomer is served within one optimistic interval however
 * many peers wait for regular slots. Thread-safe; holders are told {@code choke}/{@code unchoke}
 * under this object's lock, so they must only hand the message to their own thread.
 */
public class UploadSlots {
    private final int capacity;
    private final boolean optimisticSlot;
    private final SequencedSet<SlotHolder> unchoked = new LinkedHashSet<>();
    private final SequencedSet<SlotHolder> waiting = new LinkedHashSet<>();
    private SlotHolder optimistic;

    /** Regular slots only, no optimistic slot. @param capacity most peers unchoked at once, at least 1 */
    public UploadSlots(int capacity) {
        this(capacity, false);
    }

    /**
     * @param capacity regular slots, at least 1
     * @param optimisticSlot whether one more slot is given optimistically (BEP 3 optimistic unchoke)
     */
    public UploadSlots(int capacity, boolean optimisticSlot) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.capacity = capacity;
        this.optimisticSlot = optimisticSlot;
    }

    /** The peer is interested: unchoke it if a slot is free, else queue it. Idempotent. */
    public synchronized void interested(SlotHolder peer) {
        if (unchoked.contains(peer) || waiting.contains(peer) || peer == optimistic) {
            return;
        }
        waiting.add(peer);
        promote();
    }

    /**
     * The peer is no longer interested or has gone: free its slot for the next waiter. The peer itself
     * is not sent anything (a gone peer cannot be; an uninterested one needs no choke).
     */
    public synchronized void release(SlotHolder peer) {
        waiting.remove(peer);
        boolean freed = unchoked.remove(peer);
        if (peer == optimistic) {
            optimistic = null;
            freed = true;
        }
        if (freed) {
            promote();
        }
    }

    /** Chokes the longest-unchoked regular peer if someone waits and unchokes the first waiter. */
    public synchronized void rotate() {
        if (waiting.isEmpty() || unchoked.size() < capacity) {
            promote();
            return;
        }
        Iterator<SlotHolder> oldest = unchoked.iterator();
        SlotHolder out = oldest.next();
        oldest.remove();
        out.choke();
        SlotHolder next = waiting.removeFirst();
        unchoked.add(next);
        next.unchoke();
        waiting.addLast(out);
    }

    /** Moves the optimistic slot to the longest waiter; the previous holder waits again at the end. */
    public synchronized void rotateOptimistic() {
        if (!optimisticSlot || waiting.isEmpty()) {
            return;
        }
        SlotHolder previous = optimistic;
        optimistic = waiting.removeFirst();
        optimistic.unchoke();
        if (previous != null) {
            previous.choke();
            waiting.addLast(previous);
        }
    }

    /** Whether {@code peer} holds a slot, regular or optimistic. */
    public synchronized boolean isUnchoked(SlotHolder peer) {
        return unchoked.contains(peer) || peer == optimistic;
    }

    /** Peers holding a slot now, the optimistic one included. */
    public synchronized int unchokedCount() {
        return unchoked.size() + (optimistic == null ? 0 : 1);
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
        if (optimisticSlot && optimistic == null && !waiting.isEmpty()) {
            optimistic = waiting.removeFirst();
            optimistic.unchoke();
        }
    }
}
