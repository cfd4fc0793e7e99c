package org.everseed.bittorrent.metainfo;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * One file of a v2 {@code file tree} (BEP 52): its path (the keys from the tree's root to the file; in a
 * single-file torrent just {@code [name]}), its length and its {@code pieces root}, the root of its SHA-256
 * merkle tree over 16 KiB blocks. Immutable.
 *
 * @param path non-empty list of safe path components
 * @param length length in bytes, not negative
 * @param piecesRoot the 32-byte merkle root; empty for an empty file, which has none (BEP 52)
 */
public record FileTreeEntry(List<String> path, long length, byte[] piecesRoot) {

    /** Validates and copies. */
    public FileTreeEntry {
        path = new FileEntry(path, length).path();
        piecesRoot = piecesRoot.clone();
        if (length == 0 ? piecesRoot.length != 0 : piecesRoot.length != MerkleTree.HASH_LENGTH) {
            throw new IllegalArgumentException(length == 0 ? "an empty file has no pieces root"
                    : "a pieces root is 32 bytes, got " + piecesRoot.length);
        }
    }

    /** A copy of the pieces root (empty for an empty file). */
    @Override
    public byte[] piecesRoot() {
        return piecesRoot.clone();
    }

    /** The same file as a v1 file-list entry (never a pad file). */
    public FileEntry asFileEntry() {
        return new FileEntry(path, length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileTreeEntry e && path.equals(e.path) && length == e.length
                && Arrays.equals(piecesRoot, e.piecesRoot);
    }

    @Override
    public int hashCode() {
        return path.hashCode() * 31 + Long.hashCode(length);
    }

    @Override
    public String toString() {
        return String.join("/", path) + " (" + length + " bytes, root " + HexFormat.of().formatHex(piecesRoot) + ")";
    }
}
