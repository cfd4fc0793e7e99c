package org.everseed.bittorrent.id;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * The shared shape of the protocol's fixed-length identifiers: an immutable array of exactly
 * {@code length} bytes, compared by content and class (an info_hash never equals a peer_id with
 * the same bytes), lower-case hex in {@link #toString()}.
 */
abstract sealed class FixedBytes permits InfoHash, InfoHashV2, PeerId {
    /** The bytes; never handed out, only copies. */
    final byte[] bytes;

    /** Takes {@code bytes} as is: callers pass an array nobody else holds. */
    FixedBytes(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A copy of {@code bytes}, checked to be {@code length} bytes long.
     *
     * @throws IllegalArgumentException naming {@code what} if the length differs
     */
    static byte[] checkedCopy(byte[] bytes, int length, String what) {
        if (bytes.length != length) {
            throw new IllegalArgumentException(what + " must be " + length + " bytes, got " + bytes.length);
        }
        return bytes.clone();
    }

    /**
     * The bytes of {@code hex}, checked to be {@code length} bytes long.
     *
     * @throws IllegalArgumentException naming {@code what} if it is not {@code 2 * length} hex digits
     */
    static byte[] parseHex(String hex, int length, String what) {
        if (hex.length() != length * 2) {
            throw new IllegalArgumentException(what + " must be " + length * 2 + " hex digits, got " + hex.length());
        }
        return HexFormat.of().parseHex(hex);
    }

    /** A copy of the bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Copies the bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    /** Lower-case hex, two digits per byte. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(bytes, ((FixedBytes) o).bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return hex();
    }
}
