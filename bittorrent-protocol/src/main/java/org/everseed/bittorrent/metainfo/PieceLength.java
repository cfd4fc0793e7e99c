package org.everseed.bittorrent.metainfo;

/**
 * Piece lengths for new torrents: powers of two from {@link #MIN} (16 KiB, the BEP 52 minimum and the
 * block size of the peer wire protocol, BEP 3) to {@link #MAX} (16 MiB).
 *
 * <p>The automatic rule is libtorrent's ({@code create_torrent}, "a piece size is calculated such that the
 * torrent file is roughly 40 kB"): the smallest power of two whose piece count stays at or below
 * {@link #TARGET_PIECES} = 40 KiB / 20 bytes of SHA-1 = 2048 pieces, clamped to [16 KiB, 16 MiB]. So 1 GiB
 * gets 512 KiB pieces, 4 GiB 2 MiB, and anything from 32 GiB up 16 MiB (libtorrent stops at 2 MiB; BEP 52
 * clients handle larger pieces well, and fewer pieces keep the .torrent small).
 */
public final class PieceLength {
    /** Smallest piece length: 16 KiB. */
    public static final int MIN = 16 * 1024;
    /** Largest piece length: 16 MiB. */
    public static final int MAX = 16 * 1024 * 1024;
    /** Most pieces the automatic rule aims for: 40 KiB of v1 piece hashes. */
    public static final long TARGET_PIECES = 40 * 1024 / PieceHashes.HASH_LENGTH;

    private PieceLength() {
    }

    /** The automatic piece length for {@code totalLength} bytes (see the class comment); 16 KiB for empty content. */
    public static int automatic(long totalLength) {
        if (totalLength < 0) {
            throw new IllegalArgumentException("length must not be negative: " + totalLength);
        }
        int length = MIN;
        while (length < MAX && InfoDictionary.expectedPieceCount(totalLength, length) > TARGET_PIECES) {
            length <<= 1;
        }
        return length;
    }

    /**
     * Checks a requested piece length.
     *
     * @return {@code pieceLength}
     * @throws IllegalArgumentException unless it is a power of two from 16 KiB to 16 MiB
     */
    public static int requireValid(int pieceLength) {
        if (pieceLength < MIN || pieceLength > MAX || Integer.bitCount(pieceLength) != 1) {
            throw new IllegalArgumentException("piece length must be a power of two from " + MIN + " to " + MAX
                    + " bytes, got " + pieceLength);
        }
        return pieceLength;
    }

    /**
     * Checks a piece length for v2 and hybrid torrents (BEP 52): a power of two of at least 16 KiB.
     *
     * @return {@code pieceLength}
     * @throws IllegalArgumentException otherwise
     */
    public static int requireValidV2(int pieceLength) {
        if (pieceLength < MIN || Integer.bitCount(pieceLength) != 1) {
            throw new IllegalArgumentException("a v2 piece length must be a power of two of at least " + MIN
                    + " bytes, got " + pieceLength);
        }
        return pieceLength;
    }
}
