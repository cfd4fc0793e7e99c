package org.everseed.bittorrent.metainfo;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-1 piece hashing for v1 torrents (BEP 3), on buffers that the caller has read. Two uses:
 * {@link #hashPiece} hashes one whole piece (callers hash pieces in parallel and collect them in a
 * {@link PieceHashes.Collector}); an instance hashes a stream of buffers of any size, cutting it into pieces
 * of the given length. An instance is not thread-safe.
 */
public final class PieceHasher {
    private final int pieceLength;
    private final MessageDigest sha1 = newSha1();
    private byte[] hashes = new byte[0];
    private int count;
    private int inPiece;

    /**
     * @param pieceLength bytes per piece, positive
     */
    public PieceHasher(int pieceLength) {
        if (pieceLength <= 0) {
            throw new IllegalArgumentException("piece length must be positive: " + pieceLength);
        }
        this.pieceLength = pieceLength;
    }

    /** The SHA-1 of the remaining bytes of {@code piece}, which it consumes. */
    public static byte[] hashPiece(ByteBuffer piece) {
        MessageDigest digest = newSha1();
        digest.update(piece);
        return digest.digest();
    }

    /** Consumes the remaining bytes of {@code data} as the next bytes of the content. */
    public void update(ByteBuffer data) {
        while (data.hasRemaining()) {
            int take = Math.min(data.remaining(), pieceLength - inPiece);
            ByteBuffer slice = data.slice(data.position(), take);
            sha1.update(slice);
            data.position(data.position() + take);
            inPiece += take;
            if (inPiece == pieceLength) {
                finishPiece();
            }
        }
    }

    /** The hashes of all pieces, the last one possibly short; the hasher must not be used afterwards. */
    public PieceHashes finish() {
        if (inPiece > 0) {
            finishPiece();
        }
        return PieceHashes.wrap(java.util.Arrays.copyOf(hashes, count * PieceHashes.HASH_LENGTH));
    }

    private void finishPiece() {
        if ((count + 1) * PieceHashes.HASH_LENGTH > hashes.length) {
            hashes = java.util.Arrays.copyOf(hashes, Math.max(64 * PieceHashes.HASH_LENGTH, hashes.length * 2));
        }
        System.arraycopy(sha1.digest(), 0, hashes, count * PieceHashes.HASH_LENGTH, PieceHashes.HASH_LENGTH);
        count++;
        inPiece = 0;
    }

    static MessageDigest newSha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }
}
