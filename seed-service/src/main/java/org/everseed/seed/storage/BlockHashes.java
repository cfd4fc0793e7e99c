package org.everseed.seed.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.everseed.bittorrent.metainfo.MerkleTree;

/**
 * Answers BEP 52 {@code hash request}s for layers below the kept ones ({@link MerkleHashes#lowestLayer()}, the piece
 * layer), down to the 16 KiB block hashes: the pieces the requested run and its proof cover are read from the file and
 * their subtrees hashed (leaves beyond the end of the file are zero, BEP 52); each piece's subtree root must equal the
 * kept node above it, so hashes of changed data are never sent. The run, then its uncle hashes lowest first, as
 * {@link MerkleHashes#hashes} answers. Blocking I/O: run it on the verification pool.
 */
final class BlockHashes {
    /** Most bytes read to answer one request: 16 MiB (a whole piece of up to that length at least). */
    static final long MAX_READ = 16L * 1024 * 1024;

    private final MerkleHashes tree;
    private final FileChannel file;
    private final long fileLength;
    private final int pieceLength;
    private final Map<Integer, byte[][]> subtrees = new HashMap<>();

    BlockHashes(MerkleHashes tree, FileChannel file, long fileLength, int pieceLength) {
        this.tree = tree;
        this.file = file;
        this.fileLength = fileLength;
        this.pieceLength = pieceLength;
    }

    /**
     * The answer to a request of {@code count} hashes of layer {@code base} from {@code index} with up to
     * {@code proofLayers} uncles; empty when it is not below the kept layers, is outside the layer, covers more than
     * {@link #MAX_READ} bytes of pieces, or a piece does not hash to the kept node (the file changed).
     *
     * @throws IOException if the file cannot be read
     */
    Optional<byte[]> hashes(int base, int index, int count, int proofLayers) throws IOException {
        int height = tree.lowestLayer();
        int root = tree.rootLayer();
        if (base < 0 || base >= height || index < 0 || count < 1 || count > MerkleHashes.MAX_REQUESTED
                || proofLayers < 0 || (long) index + count > 1L << (root - base)) {
            return Optional.empty();
        }
        long first = ((long) index << base) >> height;
        long last = ((long) (index + count - 1) << base) >> height;
        if ((last - first + 1) * Math.min(pieceLength, (long) MerkleTree.BLOCK_SIZE << height) > Math.max(MAX_READ, pieceLength)) {
            return Optional.empty();
        }
        int subtree = 64 - Long.numberOfLeadingZeros(Math.max(1, count) - 1L);
        int level = base + subtree;
        long node = (long) index >> subtree;
        int uncles = Math.max(0, Math.min(proofLayers, root - level));
        byte[] out = new byte[(count + uncles) * MerkleTree.HASH_LENGTH];
        for (int i = 0; i < count; i++) {
            byte[] hash = node(base, index + i);
            if (hash == null) {
                return Optional.empty();
            }
            System.arraycopy(hash, 0, out, i * MerkleTree.HASH_LENGTH, MerkleTree.HASH_LENGTH);
        }
        for (int u = 0; u < uncles; u++, level++, node >>>= 1) {
            byte[] hash = level >= height ? tree.node(level, (int) (node ^ 1)) : node(level, (int) (node ^ 1));
            if (hash == null) {
                return Optional.empty();
            }
            System.arraycopy(hash, 0, out, (count + u) * MerkleTree.HASH_LENGTH, MerkleTree.HASH_LENGTH);
        }
        return Optional.of(out);
    }

    /** Node {@code index} of layer {@code layer} below the kept ones, from its piece's subtree; null if it mismatched. */
    private byte[] node(int layer, int index) throws IOException {
        int height = tree.lowestLayer();
        int piece = (int) (((long) index << layer) >> height);
        byte[][] levels = subtree(piece);
        if (levels == null) {
            return null;
        }
        int within = index - (piece << (height - layer));
        return Arrays.copyOfRange(levels[layer], within * MerkleTree.HASH_LENGTH, (within + 1) * MerkleTree.HASH_LENGTH);
    }

    /** The layers of piece {@code piece}'s subtree, blocks first; null if its root is not the kept node. */
    private byte[][] subtree(int piece) throws IOException {
        if (subtrees.containsKey(piece)) {
            return subtrees.get(piece);
        }
        int height = tree.lowestLayer();
        int leaves = 1 << height;
        byte[] leafHashes = new byte[leaves * MerkleTree.HASH_LENGTH];
        long offset = (long) piece * pieceLength;
        int size = (int) Math.max(0, Math.min(pieceLength, fileLength - offset));
        if (size > 0) {
            ByteBuffer data = ByteBuffer.allocate(size);
            while (data.hasRemaining()) {
                if (file.read(data, offset + data.position()) < 0) {
                    throw new java.io.EOFException("the file ends before byte " + (offset + size));
                }
            }
            data.flip();
            byte[] blocks = MerkleTree.blockHashes(data);
            System.arraycopy(blocks, 0, leafHashes, 0, blocks.length);      // the rest stay zero (BEP 52)
        }
        byte[][] levels = new byte[height + 1][];
        levels[0] = leafHashes;
        MessageDigest sha256 = sha256();
        for (int l = 1; l <= height; l++) {
            byte[] below = levels[l - 1];
            byte[] up = new byte[below.length / 2];
            for (int i = 0; i < up.length / MerkleTree.HASH_LENGTH; i++) {
                sha256.update(below, 2 * i * MerkleTree.HASH_LENGTH, 2 * MerkleTree.HASH_LENGTH);
                System.arraycopy(sha256.digest(), 0, up, i * MerkleTree.HASH_LENGTH, MerkleTree.HASH_LENGTH);
            }
            levels[l] = up;
        }
        byte[][] result = Arrays.equals(levels[height], tree.node(height, piece)) ? levels : null;
        subtrees.put(piece, result);
        return result;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
