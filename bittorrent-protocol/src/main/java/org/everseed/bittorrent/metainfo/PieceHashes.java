package org.everseed.bittorrent.metainfo;

import java.util.Arrays;

/**
 * The {@code pieces} string of a v1 info dictionary (BEP 3): the 20-byte SHA-1 of every piece, in order.
 * Immutable.
 */
public final class PieceHashes {
    /** Length of one SHA-1 piece hash in bytes. */
    public static final int HASH_LENGTH = 20;
    private final byte[] concatenated;

    private PieceHashes(byte[] concatenated) {
        this.concatenated = concatenated;
    }

    /**
     * The hashes in {@code concatenated} (copied).
     *
     * @throws IllegalArgumentException if its length is not a multiple of 20
     */
    public static PieceHashes of(byte[] concatenated) {
        if (concatenated.length % HASH_LENGTH != 0) {
            throw new IllegalArgumentException("pieces length " + concatenated.length + " is not a multiple of 20");
        }
        return new PieceHashes(concatenated.clone());
    }

    /** Takes {@code concatenated} without copying; the caller gives up the array. */
    static PieceHashes wrap(byte[] concatenated) {
        return new PieceHashes(concatenated);
    }

    /** The number of pieces. */
    public int count() {
        return concatenated.length / HASH_LENGTH;
    }

    /** A copy of the hash of piece {@code index}. */
    public byte[] hash(int index) {
        if (index < 0 || index >= count()) {
            throw new IndexOutOfBoundsException("piece " + index + " of " + count());
        }
        return Arrays.copyOfRange(concatenated, index * HASH_LENGTH, (index + 1) * HASH_LENGTH);
    }

    /** A copy of all hashes, concatenated: the {@code pieces} string. */
    public byte[] concatenated() {
        return concatenated.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PieceHashes p && Arrays.equals(concatenated, p.concatenated);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(concatenated);
    }

    @Override
    public String toString() {
        return count() + " piece hashes";
    }

    /**
     * Collects piece hashes computed in any order, by any thread (each index written once), into a
     * {@link PieceHashes}. Hashes written by other threads must be visible to the thread calling
     * {@link #build()}, which joining the hashing tasks ensures.
     */
    public static final class Collector {
        private final byte[] hashes;
        private final java.util.BitSet filled;
        private final int count;

        /**
         * @param count the number of pieces
         */
        public Collector(int count) {
            if (count < 0 || (long) count * HASH_LENGTH > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("bad piece count " + count);
            }
            this.count = count;
            this.hashes = new byte[count * HASH_LENGTH];
            this.filled = new java.util.BitSet(count);
        }

        /** Stores the 20-byte {@code hash} of piece {@code index}. */
        public void put(int index, byte[] hash) {
            if (hash.length != HASH_LENGTH) {
                throw new IllegalArgumentException("a piece hash is 20 bytes, got " + hash.length);
            }
            System.arraycopy(hash, 0, hashes, index * HASH_LENGTH, HASH_LENGTH);
            synchronized (filled) {
                filled.set(index);
            }
        }

        /**
         * The collected hashes.
         *
         * @throws IllegalStateException if a piece has no hash yet
         */
        public PieceHashes build() {
            synchronized (filled) {
                if (filled.cardinality() != count) {
                    throw new IllegalStateException("piece " + filled.nextClearBit(0) + " has no hash");
                }
            }
            return new PieceHashes(hashes.clone());
        }
    }
}
