package org.everseed.bittorrent.metainfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Collects the hashes of a {@link ContentLayout}'s units, computed in any order by any thread (each unit once),
 * and turns them into the info dictionary and {@code piece layers} of the new torrent. Hashes written by other
 * threads must be visible to the thread calling {@link #infoDictionary}, which joining the hashing tasks ensures.
 */
public final class ContentHashes {
    private final ContentLayout layout;
    private final PieceHashes.Collector v1;
    private final byte[][] v2;
    private final java.util.BitSet done;

    /** @param layout the layout whose units will be put */
    public ContentHashes(ContentLayout layout) {
        this.layout = layout;
        this.v1 = new PieceHashes.Collector(layout.v1PieceCount());
        this.v2 = new byte[layout.format().hasV2() ? layout.files().size() : 0][];
        for (int f = 0; f < v2.length; f++) {
            v2[f] = new byte[layout.pieceCountOf(f) * MerkleTree.HASH_LENGTH];
        }
        this.done = new java.util.BitSet(layout.unitCount());
    }

    /**
     * Stores the hashes of {@code unit}: its v1 piece's SHA-1 (or null for v2-only) and its v2 hash (or null for
     * v1-only): the piece-layer entry of a file of several pieces, or the pieces root of a one-piece file.
     */
    public void put(HashUnit unit, byte[] sha1, byte[] v2Hash) {
        if (unit.v1Piece() >= 0) {
            v1.put(unit.v1Piece(), sha1);
        }
        if (unit.v2File() >= 0) {
            System.arraycopy(v2Hash, 0, v2[unit.v2File()], unit.v2Piece() * MerkleTree.HASH_LENGTH, MerkleTree.HASH_LENGTH);
        }
        synchronized (done) {
            done.set(unit.index());
        }
    }

    /**
     * The info dictionary of the hashed content.
     *
     * @throws IllegalStateException if a unit has no hashes yet
     */
    public InfoDictionary infoDictionary(boolean privateTorrent, Optional<String> source) {
        synchronized (done) {
            if (done.cardinality() != layout.unitCount()) {
                throw new IllegalStateException("unit " + done.nextClearBit(0) + " has not been hashed");
            }
        }
        PieceHashes pieces = layout.format().hasV1() ? v1.build() : PieceHashes.wrap(new byte[0]);
        List<FileTreeEntry> tree = new ArrayList<>();
        if (layout.format().hasV2()) {
            for (int f = 0; f < v2.length; f++) {
                FileEntry file = layout.files().get(f);
                tree.add(new FileTreeEntry(file.path(), file.length(), root(f)));
            }
        }
        List<FileEntry> files = layout.format().hasV1() ? layout.v1Files() : layout.files();
        return new InfoDictionary(layout.name(), layout.pieceLength(), pieces, layout.isMultiFile(), files,
                privateTorrent, source, layout.format(), tree);
    }

    /** The {@code piece layers} (BEP 52): one per file of more than one piece; empty for v1. */
    public PieceLayers pieceLayers() {
        PieceLayers.Builder layers = PieceLayers.builder();
        for (int f = 0; f < v2.length; f++) {
            if (layout.pieceCountOf(f) > 1) {
                layers.put(root(f), v2[f]);
            }
        }
        return layers.build();
    }

    private byte[] root(int file) {
        return switch (layout.pieceCountOf(file)) {
            case 0 -> new byte[0];
            case 1 -> v2[file].clone();
            default -> MerkleTree.piecesRoot(v2[file], layout.pieceLength());
        };
    }
}
