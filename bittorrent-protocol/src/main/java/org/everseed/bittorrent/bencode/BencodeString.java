package org.everseed.bittorrent.bencode;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A bencoded byte string (BEP 3). Holds raw bytes: a string is text only where a field says so
 * (then UTF-8, BEP 3), never through the platform charset. Immutable; ordered by unsigned byte
 * comparison, the order of dictionary keys.
 */
public final class BencodeString implements BencodeValue, Comparable<BencodeString> {
    private final byte[] bytes;

    private BencodeString(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A byte string holding a copy of {@code bytes}. */
    public static BencodeString of(byte[] bytes) {
        return new BencodeString(bytes.clone());
    }

    /** A byte string holding the UTF-8 encoding of {@code text}. */
    public static BencodeString of(String text) {
        return new BencodeString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Wraps {@code bytes} without copying; the caller gives up the array. */
    static BencodeString wrap(byte[] bytes) {
        return new BencodeString(bytes);
    }

    /** A copy of the raw bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The length in bytes. */
    public int length() {
        return bytes.length;
    }

    /** The byte at {@code index}. */
    public byte byteAt(int index) {
        return bytes[index];
    }

    /** Copies the raw bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    /** The bytes decoded as UTF-8 (malformed sequences become U+FFFD). */
    public String utf8() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public int compareTo(BencodeString other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BencodeString s && Arrays.equals(bytes, s.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    /** Printable text as is, anything else as hex. */
    @Override
    public String toString() {
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7e) {
                return "0x" + HexFormat.of().formatHex(bytes);
            }
        }
        return new String(bytes, StandardCharsets.US_ASCII);
    }
}
