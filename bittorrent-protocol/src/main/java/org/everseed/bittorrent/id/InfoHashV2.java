package org.everseed.bittorrent.id;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A v2 info_hash: the 32-byte SHA-256 of the bencoded info dictionary (BEP 52). Distinct from
 * {@link InfoHash}; {@link #truncated()} gives the 20-byte form used in v1 handshakes and trackers.
 * Immutable; lower-case hex in {@link #toString()}.
 */
public final class InfoHashV2 {
    /** Length in bytes. */
    public static final int LENGTH = 32;
    private final byte[] bytes;

    private InfoHashV2(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * The v2 info_hash with these 32 bytes (copied).
     *
     * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
     */
    public static InfoHashV2 of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("v2 info_hash must be " + LENGTH + " bytes, got " + bytes.length);
        }
        return new InfoHashV2(bytes.clone());
    }

    /**
     * The v2 info_hash from 64 hex digits.
     *
     * @throws IllegalArgumentException if {@code hex} is not 64 hex digits
     */
    public static InfoHashV2 fromHex(String hex) {
        if (hex.length() != LENGTH * 2) {
            throw new IllegalArgumentException("v2 info_hash must be " + LENGTH * 2 + " hex digits, got " + hex.length());
        }
        return new InfoHashV2(HexFormat.of().parseHex(hex));
    }

    /** A copy of the 32 bytes. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The first 20 bytes, which stand for this torrent where only 20 bytes fit (BEP 52). */
    public InfoHash truncated() {
        return InfoHash.of(Arrays.copyOf(bytes, InfoHash.LENGTH));
    }

    /** Lower-case hex, 64 digits. */
    public String hex() {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InfoHashV2 h && Arrays.equals(bytes, h.bytes);
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
