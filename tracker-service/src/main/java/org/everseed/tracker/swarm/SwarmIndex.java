package org.everseed.tracker.swarm;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Swarms by the 20 raw bytes of an info_hash, for the announce path: a linear-probing table of
 * immutable keys (two longs and an int, compared in place, so a lookup needs no {@code InfoHash}
 * object). Lookups take no lock and never wait; changes come from one writer at a time (the registry's
 * lock) and reach readers through release/acquire stores and loads. Removal leaves a tombstone; the
 * table is rebuilt (and published whole) when it is half full of live keys and tombstones.
 */
final class SwarmIndex {
    private static final VarHandle SLOTS = MethodHandles.arrayElementVarHandle(Key[].class);
    private static final Key TOMBSTONE = new Key(0, 0, 0, null);
    private static final int INITIAL_CAPACITY = 64;
    private volatile Key[] table = new Key[INITIAL_CAPACITY];
    /** Live keys and tombstones in {@link #table}; written under the writer's lock only. */
    private int used;
    private int live;

    /** One key of a swarm; immutable, so a reader that sees it sees all of it. */
    private record Key(long high, long middle, int low, Swarm swarm) {
    }

    /** The swarm whose key is the 20 bytes at {@code infoHash[at]}, or null. Lock-free. */
    Swarm get(byte[] infoHash, int at) {
        long high = PeerWords.longAt(infoHash, at);
        long middle = PeerWords.longAt(infoHash, at + 8);
        int low = PeerWords.intAt(infoHash, at + 16);
        Key[] t = table;
        int mask = t.length - 1;
        for (int i = hash(high, middle, low) & mask; ; i = (i + 1) & mask) {
            Key k = (Key) SLOTS.getAcquire(t, i);
            if (k == null) {
                return null;
            }
            if (k != TOMBSTONE && k.high == high && k.middle == middle && k.low == low) {
                return k.swarm;
            }
        }
    }

    /** Adds {@code swarm} under the 20 bytes {@code infoHash} unless the key is taken. Caller holds the writer's lock. */
    void putIfAbsent(byte[] infoHash, Swarm swarm) {
        if (get(infoHash, 0) != null) {
            return;
        }
        if ((used + 1) * 2 > table.length) {
            rebuild(Math.max(INITIAL_CAPACITY, Integer.highestOneBit(live + 1) * 4));
        }
        Key key = new Key(PeerWords.longAt(infoHash, 0), PeerWords.longAt(infoHash, 8), PeerWords.intAt(infoHash, 16),
                swarm);
        place(table, key);
        used++;
        live++;
    }

    /** Removes the key {@code infoHash}, if present. Caller holds the writer's lock. */
    void remove(byte[] infoHash) {
        long high = PeerWords.longAt(infoHash, 0);
        long middle = PeerWords.longAt(infoHash, 8);
        int low = PeerWords.intAt(infoHash, 16);
        Key[] t = table;
        int mask = t.length - 1;
        for (int i = hash(high, middle, low) & mask; t[i] != null; i = (i + 1) & mask) {
            Key k = t[i];
            if (k != TOMBSTONE && k.high == high && k.middle == middle && k.low == low) {
                SLOTS.setRelease(t, i, TOMBSTONE);
                live--;
                return;
            }
        }
    }

    private void rebuild(int capacity) {
        Key[] fresh = new Key[capacity];
        for (Key k : table) {
            if (k != null && k != TOMBSTONE) {
                place(fresh, k);
            }
        }
        used = live;
        table = fresh;
    }

    private static void place(Key[] t, Key key) {
        int mask = t.length - 1;
        int i = hash(key.high, key.middle, key.low) & mask;
        while (t[i] != null) {
            i = (i + 1) & mask;
        }
        SLOTS.setRelease(t, i, key);
    }

    /** Info hashes are SHA-1 output, but only registered ones are in here: mix anyway, cheaply. */
    private static int hash(long high, long middle, int low) {
        long h = (high ^ middle * 0x9e37_79b9_7f4a_7c15L ^ low) * 0xc2b2_ae3d_27d4_eb4fL;
        return (int) (h ^ h >>> 29);
    }
}
