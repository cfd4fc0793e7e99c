package org.everseed.portal.upload;

/**
 * Checks a requested piece length: a power of two from 16 KiB to 16 MiB (BEP 3 requires a power of
 * two in practice; BEP 52 requires it and at least 16 KiB).
 */
final class PieceLengths {
    /** Smallest piece length accepted, in bytes (one block, BEP 52). */
    static final int MIN = 16 * 1024;
    /** Largest piece length accepted, in bytes. */
    static final int MAX = 16 * 1024 * 1024;

    private PieceLengths() {
    }

    /** @throws UploadException if {@code pieceLength} is given and not acceptable */
    static void check(Integer pieceLength) {
        if (pieceLength != null && (pieceLength < MIN || pieceLength > MAX || Integer.bitCount(pieceLength) != 1)) {
            throw new UploadException("pieceLength must be a power of two from " + MIN + " to " + MAX + " bytes, got " + pieceLength);
        }
    }
}
