package org.everseed.seed.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.everseed.bittorrent.metainfo.FileTreeEntry;
import org.everseed.bittorrent.metainfo.MerkleTree;
import org.everseed.bittorrent.metainfo.Metainfo;

/**
 * The upper part of one file's SHA-256 merkle tree (BEP 52), from the piece layer up to the pieces root, built from
 * the .torrent's {@code piece layers} and padded with the hashes of all-zero pieces; answers {@code hash request}s
 * the way libtorrent does: the requested run of a layer, then the uncle hashes of that run's subtree root, lowest
 * first, for {@code proof layers} layers or until the root. Layers below the piece layer (block hashes) are not
 * kept: {@link BlockHashes} computes them from the file for such requests. Immutable and thread-safe.
 */
public final class MerkleHashes {
    /** Most hashes of one layer sent for one request (libtorrent's limit). */
    public static final int MAX_REQUESTED = 8192;

    private final byte[] piecesRoot;
    private final int lowestLayer;
    /** {@code layers[i]}: the nodes of layer {@code lowestLayer + i}, concatenated; the last one is the root. */
    private final byte[][] layers;

    private MerkleHashes(byte[] piecesRoot, int lowestLayer, byte[][] layers) {
        this.piecesRoot = piecesRoot;
        this.lowestLayer = lowestLayer;
        this.layers = layers;
    }

    /** The tree of the single file of a v2 or hybrid torrent; empty for v1, multi-file or empty-file torrents. */
    public static Optional<MerkleHashes> of(Metainfo metainfo) {
        if (!metainfo.format().hasV2() || metainfo.info().fileTree().size() != 1) {
            return Optional.empty();
        }
        return of(metainfo, metainfo.info().fileTree().getFirst());
    }

    /**
     * The tree of {@code file}, one of the files of {@code metainfo}'s file tree (BEP 52); empty for an empty file or
     * piece layers that do not hash to its pieces root.
     */
    public static Optional<MerkleHashes> of(Metainfo metainfo, FileTreeEntry file) {
        if (file.length() == 0) {
            return Optional.empty();
        }
        int pieceLength = metainfo.info().pieceLength();
        long blocks = (file.length() + MerkleTree.BLOCK_SIZE - 1) / MerkleTree.BLOCK_SIZE;
        int leafLayers = log2(powerOfTwoAtLeast(blocks));           // the root's layer
        int pieceLayer = log2(pieceLength / MerkleTree.BLOCK_SIZE);
        if (blocks * MerkleTree.BLOCK_SIZE <= pieceLength || pieceLayer >= leafLayers) {
            return Optional.of(new MerkleHashes(file.piecesRoot(), leafLayers, new byte[][] {file.piecesRoot()}));
        }
        byte[] layer = metainfo.pieceLayers().layer(file.piecesRoot()).orElse(null);
        if (layer == null) {
            return Optional.empty();
        }
        int width = 1 << (leafLayers - pieceLayer);
        byte[] padded = Arrays.copyOf(layer, width * MerkleTree.HASH_LENGTH);
        byte[] zeroPiece = MerkleTree.pieceHashOfLeaves(new byte[0], pieceLength);
        for (int i = layer.length / MerkleTree.HASH_LENGTH; i < width; i++) {
            System.arraycopy(zeroPiece, 0, padded, i * MerkleTree.HASH_LENGTH, MerkleTree.HASH_LENGTH);
        }
        byte[][] layers = new byte[leafLayers - pieceLayer + 1][];
        layers[0] = padded;
        MessageDigest sha256 = sha256();
        for (int l = 1; l < layers.length; l++) {
            byte[] below = layers[l - 1];
            byte[] level = new byte[below.length / 2];
            for (int i = 0; i < level.length / MerkleTree.HASH_LENGTH; i++) {
                sha256.update(below, 2 * i * MerkleTree.HASH_LENGTH, 2 * MerkleTree.HASH_LENGTH);
                level = withDigest(sha256, level, i);
            }
            layers[l] = level;
        }
        if (!Arrays.equals(layers[layers.length - 1], file.piecesRoot())) {
            return Optional.empty(); // piece layers that do not hash to the root: nothing to prove with
        }
        return Optional.of(new MerkleHashes(file.piecesRoot(), pieceLayer, layers));
    }

    /**
     * The lowest layer kept (0 = blocks): the piece layer, or for a file of at most one piece its root's layer. One
     * node of it covers {@code 2^lowestLayer()} blocks.
     */
    public int lowestLayer() {
        return lowestLayer;
    }

    /** The root's layer: {@code log2} of the number of leaves, padded to a power of two. */
    public int rootLayer() {
        return lowestLayer + layers.length - 1;
    }

    /**
     * Node {@code index} of layer {@code layer} (a copy), for layers from {@link #lowestLayer()} to {@link #rootLayer()}.
     *
     * @throws IndexOutOfBoundsException outside those layers or the layer's nodes
     */
    public byte[] node(int layer, int index) {
        byte[] nodes = layers[layer - lowestLayer];
        return Arrays.copyOfRange(nodes, Math.multiplyExact(index, MerkleTree.HASH_LENGTH),
                Objects.checkIndex(index, nodes.length / MerkleTree.HASH_LENGTH) * MerkleTree.HASH_LENGTH
                        + MerkleTree.HASH_LENGTH);
    }

    /** The file's pieces root (a copy). */
    public byte[] piecesRoot() {
        return piecesRoot.clone();
    }

    /**
     * The answer to a hash request: {@code count} hashes of layer {@code base} (0 = blocks) from {@code index}, then
     * up to {@code proofLayers} uncle hashes, concatenated; empty when the request is outside what is kept (below the
     * piece layer, at or above the root's layer, a run beyond the layer, a count of 0 or above
     * {@value #MAX_REQUESTED}, negative fields).
     */
    public Optional<byte[]> hashes(int base, int index, int count, int proofLayers) {
        int root = lowestLayer + layers.length - 1;
        if (base < lowestLayer || base >= root || index < 0 || count < 1
                || count > MAX_REQUESTED || proofLayers < 0) {
            return Optional.empty();
        }
        byte[] layer = layers[base - lowestLayer];
        int size = layer.length / MerkleTree.HASH_LENGTH;
        if ((long) index + count > size) {
            return Optional.empty();
        }
        int subtree = log2(powerOfTwoAtLeast(count));
        int level = base + subtree;
        int node = index >>> subtree;
        int uncles = Math.max(0, Math.min(proofLayers, root - level));
        byte[] out = Arrays.copyOfRange(layer, index * MerkleTree.HASH_LENGTH,
                (index + count + uncles) * MerkleTree.HASH_LENGTH);
        for (int u = 0; u < uncles; u++, level++, node >>>= 1) {
            byte[] nodes = layers[level - lowestLayer];
            System.arraycopy(nodes, (node ^ 1) * MerkleTree.HASH_LENGTH, out, (count + u) * MerkleTree.HASH_LENGTH,
                    MerkleTree.HASH_LENGTH);
        }
        return Optional.of(out);
    }

    private static byte[] withDigest(MessageDigest sha256, byte[] level, int i) {
        try {
            sha256.digest(level, i * MerkleTree.HASH_LENGTH, MerkleTree.HASH_LENGTH);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException("a SHA-256 digest fits 32 bytes", e);
        }
        return level;
    }

    private static long powerOfTwoAtLeast(long n) {
        return n <= 1 ? 1 : Long.highestOneBit(n - 1) << 1;
    }

    private static int log2(long powerOfTwo) {
        return Long.numberOfTrailingZeros(powerOfTwo);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
