package org.everseed.tracker.swarm;

import java.security.SecureRandom;
import java.util.Arrays;

/**
 * Peers of one role in one swarm, stored flat: each peer is {@value #STRIDE} longs of one {@code long[]}
 * (peer_id in two longs and an int, the port, the IP address in two longs, last seen), dense from
 * position 0, so that handing out a window of peers reads consecutive memory and no peer is an object.
 * A linear-probing index (positions + 1, 0 free, at most half full) finds a peer by its peer_id; its
 * hash is seeded at random per process, so peer ids cannot be chosen to collide. Removal moves the last
 * peer into the hole (backward-shift deletion in the index). Not thread-safe: used under the swarm's lock.
 */
final class PeerList {
    /** Longs per peer: peer_id high, peer_id middle, peer_id low int and port, IP high, IP low, last seen. */
    static final int STRIDE = 6;
    static final int ID_HIGH = 0;
    static final int ID_MIDDLE = 1;
    static final int ID_LOW_PORT = 2;
    static final int IP_HIGH = 3;
    static final int IP_LOW = 4;
    static final int SEEN = 5;
    private static final int INITIAL_PEERS = 4;
    private static final long SEED = new SecureRandom().nextLong();
    private long[] peers = new long[INITIAL_PEERS * STRIDE];
    private int[] index = new int[INITIAL_PEERS * 2];
    private int size;

    int size() {
        return size;
    }

    /** The position of the peer with this peer_id, or -1. */
    int find(long idHigh, long idMiddle, int idLow) {
        int mask = index.length - 1;
        for (int i = hash(idHigh, idMiddle, idLow) & mask; ; i = (i + 1) & mask) {
            int v = index[i];
            if (v == 0) {
                return -1;
            }
            int at = (v - 1) * STRIDE;
            if (peers[at + ID_HIGH] == idHigh && peers[at + ID_MIDDLE] == idMiddle
                    && (int) (peers[at + ID_LOW_PORT] >>> 32) == idLow) {
                return v - 1;
            }
        }
    }

    /** Adds a peer not in the list yet; returns its position. */
    int add(long idHigh, long idMiddle, int idLow, long ipHigh, long ipLow, int port, long seenMillis) {
        if ((size + 1) * STRIDE > peers.length) {
            peers = Arrays.copyOf(peers, peers.length + (peers.length >> 1) + STRIDE);
        }
        int position = size++;
        int at = position * STRIDE;
        peers[at + ID_HIGH] = idHigh;
        peers[at + ID_MIDDLE] = idMiddle;
        peers[at + ID_LOW_PORT] = (long) idLow << 32 | port;
        peers[at + IP_HIGH] = ipHigh;
        peers[at + IP_LOW] = ipLow;
        peers[at + SEEN] = seenMillis;
        if (size * 2 > index.length) {
            rehash(index.length * 2);
        } else {
            insert(position);
        }
        return position;
    }

    /** Sets the address and last-seen time of the peer at {@code position}. */
    void update(int position, long ipHigh, long ipLow, int port, long seenMillis) {
        int at = position * STRIDE;
        peers[at + ID_LOW_PORT] = peers[at + ID_LOW_PORT] & 0xffff_ffff_0000_0000L | port;
        peers[at + IP_HIGH] = ipHigh;
        peers[at + IP_LOW] = ipLow;
        peers[at + SEEN] = seenMillis;
    }

    /** Removes the peer at {@code position}; the last peer takes its place. */
    void remove(int position) {
        unindex(position);
        int last = size - 1;
        if (position != last) {
            unindex(last);
            System.arraycopy(peers, last * STRIDE, peers, position * STRIDE, STRIDE);
            insert(position);
        }
        size--;
        if (size * STRIDE * 4 < peers.length && peers.length > INITIAL_PEERS * STRIDE * 4) {
            peers = Arrays.copyOf(peers, Math.max(INITIAL_PEERS, size * 2) * STRIDE);
            rehash(Math.max(INITIAL_PEERS * 2, Integer.highestOneBit(Math.max(1, size)) * 4));
        }
    }

    /** Removes every peer last seen before {@code cutoffMillis}; returns how many. */
    int removeIfSeenBefore(long cutoffMillis) {
        int removed = 0;
        for (int p = size - 1; p >= 0; p--) {
            if (peers[p * STRIDE + SEEN] < cutoffMillis) {
                remove(p);
                removed++;
            }
        }
        return removed;
    }

    /**
     * Adds to {@code out} up to {@code max} peers, from position {@code start} (modulo size) on, wrapping
     * around, skipping the position {@code self} (-1 for none) and any peer with the peer_id
     * {@code (idHigh, idMiddle, idLow)} or the address {@code (ipHigh, ipLow, port)}.
     */
    void collect(int start, int max, int self, long idHigh, long idMiddle, int idLow, long ipHigh, long ipLow,
                 int port, PeerSelection out) {
        int n = size;
        int p = start;
        long[] data = peers;
        for (int k = 0; k < n && max > 0; k++) {
            int at = p * STRIDE;
            long idLowPort = data[at + ID_LOW_PORT];
            boolean sameId = data[at + ID_HIGH] == idHigh && data[at + ID_MIDDLE] == idMiddle
                    && (int) (idLowPort >>> 32) == idLow;
            boolean sameAddress = data[at + IP_LOW] == ipLow && data[at + IP_HIGH] == ipHigh
                    && (int) (idLowPort & 0xffff) == port;
            if (p != self && !sameId && !sameAddress) {
                out.add(data, at);
                max--;
            }
            if (++p == n) {
                p = 0;
            }
        }
    }

    /** Bytes held by this list's arrays (object headers left out). */
    long footprintBytes() {
        return peers.length * 8L + index.length * 4L;
    }

    private int hashAt(int position) {
        int at = position * STRIDE;
        return hash(peers[at + ID_HIGH], peers[at + ID_MIDDLE], (int) (peers[at + ID_LOW_PORT] >>> 32));
    }

    private static int hash(long idHigh, long idMiddle, int idLow) {
        long h = (idHigh ^ SEED) * 0x9e37_79b9_7f4a_7c15L + idMiddle;
        h = (h ^ h >>> 32) * 0xc2b2_ae3d_27d4_eb4fL + idLow;
        // MurmurHash3's 64-bit finalizer: every input bit reaches the low bits the index uses
        h = (h ^ h >>> 33) * 0xff51_afd7_ed55_8ccdL;
        h = (h ^ h >>> 33) * 0xc4ce_b9fe_1a85_ec53L;
        return (int) (h ^ h >>> 33);
    }

    private void insert(int position) {
        int mask = index.length - 1;
        int i = hashAt(position) & mask;
        while (index[i] != 0) {
            i = (i + 1) & mask;
        }
        index[i] = position + 1;
    }

    /** Takes {@code position} out of the index, shifting later entries of its probe run back. */
    private void unindex(int position) {
        int mask = index.length - 1;
        int i = hashAt(position) & mask;
        while (index[i] != position + 1) {
            i = (i + 1) & mask;
        }
        for (int j = (i + 1) & mask; index[j] != 0; j = (j + 1) & mask) {
            int home = hashAt(index[j] - 1) & mask;
            // the entry at j may move to the hole at i unless its home lies cyclically in (i, j]
            boolean stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!stays) {
                index[i] = index[j];
                i = j;
            }
        }
        index[i] = 0;
    }

    private void rehash(int capacity) {
        index = new int[capacity];
        for (int p = 0; p < size; p++) {
            insert(p);
        }
    }
}
