package org.everseed.bittorrent.id;

import java.util.Arrays;

/**
 * A v2 info_hash: the 32-byte SHA-256 of the bencoded info dictionary (BEP 52). Distinct from
 * {@link InfoHash}; {@link #truncated()} gives the 20-byte form used in v1 handshakes and trackers.
 * Immutable; lower-case hex in {@link #toString()}.
 */
public final class InfoHashV2 extends FixedBytes {
    /** Length in bytes. */
    public static final int LENGTH = 32;

    private InfoHashV2(byte[] bytes) {
        super(bytes);
    }

    /**
     * The v2 info_hash with these 32 bytes (copied).
     *
     * @throws IllegalArgumentException if {@code bytes} is not 32 bytes long
     */
    public static InfoHashV2 of(byte[] bytes) {
        return new InfoHashV2(checkedCopy(bytes, LENGTH, "v2 info_hash"));
    }

    /**
     * The v2 info_hash from 64 hex digits.
     *
     * @throws IllegalArgumentException if {@code hex} is not 64 hex digits
     */
    public static InfoHashV2 fromHex(String hex) {
        return new InfoHashV2(parseHex(hex, LENGTH, "v2 info_hash"));
    }

    /** The first 20 bytes, which stand for this torrent where only 20 bytes fit (BEP 52). */
    public InfoHash truncated() {
        return InfoHash.of(Arrays.copyOf(bytes, InfoHash.LENGTH));
    }
}
