package org.everseed.bittorrent.metainfo;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The per-file SHA-256 merkle trees of BEP 52 (v2 and hybrid torrents). Leaves are the SHA-256 of each
 * 16 KiB block of a file (the last block as long as it is); the tree is a complete binary tree whose leaves
 * beyond the end of the file are 32 zero bytes. The {@code pieces root} is its root; the {@code piece layers}
 * entry is the layer whose nodes each cover one piece, present only for files larger than one piece.
 * Stateless and thread-safe.
 */
public final class MerkleTree {
    /** The leaf block size: 16 KiB (BEP 52). */
    public static final int BLOCK_SIZE = 16 * 1024;
    /** Length of a SHA-256 hash. */
    public static final int HASH_LENGTH = 32;
    private static final byte[] ZERO = new byte[HASH_LENGTH];

    private MerkleTree() {
    }

    /**
     * The hashes of one file.
     *
     * @param piecesRoot the merkle root ({@code pieces root}); empty array for an empty file, which has none
     * @param pieceLayer the piece-layer hashes concatenated; empty for files of at most one piece
     */
    public record FileHashes(byte[] piecesRoot, byte[] pieceLayer) {
    }

    /**
     * The leaf hashes of {@code data}'s remaining bytes, one per 16 KiB block, concatenated; consumes the buffer.
     */
    public static byte[] blockHashes(ByteBuffer data) {
        int blocks = (data.remaining() + BLOCK_SIZE - 1) / BLOCK_SIZE;
        byte[] out = new byte[blocks * HASH_LENGTH];
        MessageDigest sha256 = newSha256();
        for (int i = 0; i < blocks; i++) {
            int take = Math.min(BLOCK_SIZE, data.remaining());
            sha256.update(data.slice(data.position(), take));
            data.position(data.position() + take);
            digestInto(sha256, out, i * HASH_LENGTH);
        }
        return out;
    }

    /**
     * The hash of one whole piece of a file larger than one piece: the root of its blocks' subtree, padded with
     * zero leaves to {@code pieceLength / 16 KiB} leaves (the last piece of a file is padded this way).
     *
     * @param piece the piece's bytes (consumed), at most {@code pieceLength}
     * @param pieceLength a power of two of at least 16 KiB
     */
    public static byte[] pieceHash(ByteBuffer piece, int pieceLength) {
        return root(blockHashes(piece), pieceLength / BLOCK_SIZE, ZERO);
    }

    /**
     * The hash of one piece from the hashes of its blocks: their subtree root padded with zero leaves to
     * {@code pieceLength / 16 KiB} leaves. For a file larger than one piece this is its piece-layer entry.
     *
     * @param leaves concatenated 32-byte block hashes, at most {@code pieceLength / 16 KiB} of them
     * @param pieceLength a power of two of at least 16 KiB
     */
    public static byte[] pieceHashOfLeaves(byte[] leaves, int pieceLength) {
        return root(leaves, pieceLength / BLOCK_SIZE, ZERO);
    }

    /**
     * The pieces root of a file of at most one piece from the hashes of its blocks (at least one): their root padded
     * with zero leaves to the next power of two (BEP 52).
     */
    public static byte[] rootOfLeaves(byte[] leaves) {
        return root(leaves, powerOfTwoAtLeast(leaves.length / HASH_LENGTH), ZERO);
    }

    /**
     * The pieces root and piece layer of a file from its concatenated leaf hashes.
     *
     * @param leaves concatenated 32-byte block hashes of the whole file, in order
     * @param pieceLength a power of two of at least 16 KiB
     */
    public static FileHashes fileHashes(byte[] leaves, int pieceLength) {
        PieceLength.requireValidV2(pieceLength);
        int blocks = leaves.length / HASH_LENGTH;
        int blocksPerPiece = pieceLength / BLOCK_SIZE;
        if (blocks == 0) {
            return new FileHashes(new byte[0], new byte[0]);
        }
        if (blocks <= blocksPerPiece) {
            return new FileHashes(root(leaves, powerOfTwoAtLeast(blocks), ZERO),
                    new byte[0]);
        }
        int pieces = (blocks + blocksPerPiece - 1) / blocksPerPiece;
        byte[] layer = new byte[pieces * HASH_LENGTH];
        for (int p = 0; p < pieces; p++) {
            int from = p * blocksPerPiece * HASH_LENGTH;
            int to = Math.min(leaves.length, from + blocksPerPiece * HASH_LENGTH);
            System.arraycopy(root(Arrays.copyOfRange(leaves, from, to), blocksPerPiece, ZERO), 0, layer, p * HASH_LENGTH,
                    HASH_LENGTH);
        }
        return new FileHashes(piecesRoot(layer, pieceLength), layer);
    }

    /** The pieces root of a file from its piece layer (concatenated piece hashes): padded with zero-piece hashes. */
    public static byte[] piecesRoot(byte[] pieceLayer, int pieceLength) {
        int pieces = pieceLayer.length / HASH_LENGTH;
        return root(pieceLayer, powerOfTwoAtLeast(pieces), zeroSubtree(pieceLength / BLOCK_SIZE));
    }

    private static int powerOfTwoAtLeast(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /** The root of a subtree of {@code leaves} zero leaves. */
    private static byte[] zeroSubtree(int leaves) {
        byte[] node = ZERO;
        MessageDigest sha256 = newSha256();
        for (int width = leaves; width > 1; width >>= 1) {
            sha256.update(node);
            sha256.update(node);
            node = sha256.digest();
        }
        return node;
    }

    /** The root over {@code nodes} (concatenated), padded with {@code pad} to {@code width} (a power of two). */
    private static byte[] root(byte[] nodes, int width, byte[] pad) {
        byte[] level = Arrays.copyOf(nodes, width * HASH_LENGTH);
        for (int i = nodes.length / HASH_LENGTH; i < width; i++) {
            System.arraycopy(pad, 0, level, i * HASH_LENGTH, HASH_LENGTH);
        }
        MessageDigest sha256 = newSha256();
        for (int n = width; n > 1; n >>= 1) {
            for (int i = 0; i < n / 2; i++) {
                sha256.update(level, 2 * i * HASH_LENGTH, 2 * HASH_LENGTH);
                digestInto(sha256, level, i * HASH_LENGTH);
            }
        }
        return Arrays.copyOf(level, HASH_LENGTH);
    }

    private static void digestInto(MessageDigest sha256, byte[] target, int offset) {
        try {
            sha256.digest(target, offset, HASH_LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("a SHA-256 digest fits 32 bytes", e);
        }
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
