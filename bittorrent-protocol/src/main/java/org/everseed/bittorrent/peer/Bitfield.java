package org.everseed.bittorrent.peer;

import java.util.BitSet;

/**
 * Which pieces a peer has (BEP 3 {@code bitfield}): bit 7 of byte 0 is piece 0, and the spare bits
 * after the last piece must be zero. Mutable; not thread-safe.
 */
public final class Bitfield {
    private final int pieceCount;
    private final BitSet bits;

    private Bitfield(int pieceCount, BitSet bits) {
        this.pieceCount = pieceCount;
        this.bits = bits;
    }

    /**
     * An empty bitfield for {@code pieceCount} pieces.
     *
     * @throws IllegalArgumentException if {@code pieceCount} is negative
     */
    public static Bitfield empty(int pieceCount) {
        if (pieceCount < 0) {
            throw new IllegalArgumentException("piece count must not be negative: " + pieceCount);
        }
        return new Bitfield(pieceCount, new BitSet(pieceCount));
    }

    /** A bitfield with all {@code pieceCount} pieces set: a seeder's. */
    public static Bitfield full(int pieceCount) {
        Bitfield field = empty(pieceCount);
        field.bits.set(0, pieceCount);
        return field;
    }

    /** The number of bytes a bitfield of {@code pieceCount} pieces takes on the wire. */
    public static int wireLength(int pieceCount) {
        return (int) ((pieceCount + 7L) / 8);
    }

    /**
     * Reads the wire form of a bitfield for {@code pieceCount} pieces.
     *
     * @param wire exactly {@link #wireLength(int)} bytes
     * @param offset the offset of {@code wire[0]} in the enclosing message, for error offsets
     * @throws PeerWireException if the length is wrong (at {@code offset}) or a spare bit is set (at
     *     the offset of its byte)
     */
    public static Bitfield fromWire(byte[] wire, int pieceCount, long offset) {
        if (wire.length != wireLength(pieceCount)) {
            throw new PeerWireException("bitfield of " + wire.length + " bytes for " + pieceCount
                    + " pieces, expected " + wireLength(pieceCount), offset);
        }
        int spare = wire.length * 8 - pieceCount;
        if (spare > 0 && (wire[wire.length - 1] & ((1 << spare) - 1)) != 0) {
            throw new PeerWireException("spare bits after the last piece are set", offset + wire.length - 1);
        }
        BitSet bits = new BitSet(pieceCount);
        for (int i = 0; i < pieceCount; i++) {
            if ((wire[i >>> 3] & (0x80 >>> (i & 7))) != 0) {
                bits.set(i);
            }
        }
        return new Bitfield(pieceCount, bits);
    }

    /** The wire form: {@link #wireLength(int)} bytes, spare bits zero. */
    public byte[] toWire() {
        byte[] wire = new byte[wireLength(pieceCount)];
        for (int i = bits.nextSetBit(0); i >= 0; i = bits.nextSetBit(i + 1)) {
            wire[i >>> 3] |= (byte) (0x80 >>> (i & 7));
        }
        return wire;
    }

    /** The number of pieces. */
    public int pieceCount() {
        return pieceCount;
    }

    /** Whether piece {@code index} is set; false outside {@code [0, pieceCount)}. */
    public boolean has(int index) {
        return index >= 0 && index < pieceCount && bits.get(index);
    }

    /**
     * Sets piece {@code index}.
     *
     * @throws IndexOutOfBoundsException if {@code index} is outside {@code [0, pieceCount)}
     */
    public void set(int index) {
        if (index < 0 || index >= pieceCount) {
            throw new IndexOutOfBoundsException("piece " + index + " of " + pieceCount);
        }
        bits.set(index);
    }

    /** How many pieces are set. */
    public int cardinality() {
        return bits.cardinality();
    }

    /** Whether every piece is set. */
    public boolean isComplete() {
        return bits.cardinality() == pieceCount;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bitfield b && b.pieceCount == pieceCount && b.bits.equals(bits);
    }

    @Override
    public int hashCode() {
        return 31 * pieceCount + bits.hashCode();
    }

    @Override
    public String toString() {
        return "Bitfield[" + bits.cardinality() + "/" + pieceCount + "]";
    }
}
