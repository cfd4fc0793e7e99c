package org.everseed.bittorrent.peer;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The 8 reserved bytes of a handshake (BEP 3), in which peers announce extensions ({@link Extension}).
 * Unknown bits are kept as received. Immutable.
 */
public final class ReservedBits {
    /** Length in bytes. */
    public static final int LENGTH = 8;
    /** No extension announced: all eight bytes zero. */
    public static final ReservedBits NONE = new ReservedBits(new byte[LENGTH]);

    private final byte[] bytes;

    private ReservedBits(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The reserved bits with these 8 bytes (copied).
     *
     * @throws IllegalArgumentException if {@code bytes} is not 8 bytes long
     */
    public static ReservedBits of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("reserved bits must be " + LENGTH + " bytes, got " + bytes.length);
        }
        return new ReservedBits(bytes.clone());
    }

    /** The reserved bits with exactly these extensions set. */
    public static ReservedBits with(Extension... extensions) {
        ReservedBits bits = NONE;
        for (Extension extension : extensions) {
            bits = bits.plus(extension);
        }
        return bits;
    }

    /** A copy with {@code extension}'s bit set. */
    public ReservedBits plus(Extension extension) {
        byte[] copy = bytes.clone();
        copy[extension.byteIndex()] |= (byte) extension.mask();
        return new ReservedBits(copy);
    }

    /** Whether {@code extension}'s bit is set. */
    public boolean supports(Extension extension) {
        return (bytes[extension.byteIndex()] & extension.mask()) != 0;
    }

    /** The known extensions whose bits are set. */
    public Set<Extension> extensions() {
        EnumSet<Extension> set = EnumSet.noneOf(Extension.class);
        for (Extension extension : Extension.values()) {
            if (supports(extension)) {
                set.add(extension);
            }
        }
        return set;
    }

    /** A copy of the 8 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReservedBits r && Arrays.equals(bytes, r.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return HexFormat.of().formatHex(bytes) + extensions();
    }
}
