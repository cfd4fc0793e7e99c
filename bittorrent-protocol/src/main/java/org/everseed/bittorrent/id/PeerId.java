package org.everseed.bittorrent.id;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A 20-byte peer_id (BEP 3). {@link #generate(String)} makes Azureus-style ids ({@code -ES0010-}
 * followed by 12 random bytes, BEP 20). Immutable; hex in {@link #toString()}.
 */
public final class PeerId extends FixedBytes {
    /** Length in bytes. */
    public static final int LENGTH = 20;
    private static final RandomGenerator RANDOM = new SecureRandom();
    private PeerId(byte[] bytes) {
        super(bytes);
    }

    /**
     * The peer_id with these 20 bytes (copied).
     *
     * @throws IllegalArgumentException if {@code bytes} is not 20 bytes long
     */
    public static PeerId of(byte[] bytes) {
        return new PeerId(checkedCopy(bytes, LENGTH, "peer_id"));
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
}
