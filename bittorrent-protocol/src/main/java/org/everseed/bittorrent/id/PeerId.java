package org.everseed.bittorrent.id;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * A 20-byte peer_id (BEP 3). {@link #generate(String)} makes Azureus-style ids ({@code -ES0010-}
 * followed by 12 random bytes, BEP 20). Immutable; hex in {@link #toString()}.
 */
public final class PeerId {
    /** Length in bytes. */
    public static final int LENGTH = 20;
    private static final RandomGenerator RANDOM = new SecureRandom();
    private final byte[] bytes;

    private PeerId(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The peer_id with these 20 bytes (copied).
     *
     * @throws IllegalArgumentException if {@code bytes} is not 20 bytes long
     */
    public static PeerId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("peer_id must be " + LENGTH + " bytes, got " + bytes.length);
        }
        return new PeerId(bytes.clone());
    }

    /**
     * A fresh peer_id: the ASCII {@code prefix} (BEP 20 client tag such as {@code -ES0010-}) then random
     * printable characters up to 20 bytes.
     *
     * @throws IllegalArgumentException if the prefix is longer than 20 bytes
     */
    public static PeerId generate(String prefix) {
        byte[] head = prefix.getBytes(StandardCharsets.US_ASCII);
        if (head.length > LENGTH) {
            throw new IllegalArgumentException("peer_id prefix longer than " + LENGTH + " bytes");
        }
        byte[] id = Arrays.copyOf(head, LENGTH);
        String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        for (int i = head.length; i < LENGTH; i++) {
            id[i] = (byte) alphabet.charAt(RANDOM.nextInt(alphabet.length()));
        }
        return new PeerId(id);
    }

    /** A copy of the 20 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Copies the 20 bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    /** Lower-case hex, 40 digits. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PeerId p && Arrays.equals(bytes, p.bytes);
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
