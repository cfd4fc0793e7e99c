package org.everseed.seed.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import org.everseed.bittorrent.metainfo.FileTreeEntry;
import org.everseed.bittorrent.metainfo.MerkleTree;
import org.everseed.bittorrent.metainfo.Metainfo;

/**
 * Checks a piece of a file of a v2 torrent (BEP 52) against its SHA-256 merkle tree: for a file larger than one
 * piece, the root of the piece's 16 KiB block hashes (padded with zero leaves) must equal its entry in the
 * {@code piece layers}; for a file of one piece, the root of its blocks must equal the file's {@code pieces root}.
 * Blocking I/O: run it on the verification pool.
 */
final class V2PieceVerifier {
    private V2PieceVerifier() {
    }

    /**
     * Whether piece {@code index} (counted within the file) of {@code file}, whose entry in {@code metainfo}'s file
     * tree is {@code entry}, matches its merkle hashes; a file too short does not.
     *
     * @throws IOException if the file cannot be read
     */
    static boolean verifyPiece(FileChannel file, Metainfo metainfo, FileTreeEntry entry, int index) throws IOException {
        int pieceLength = metainfo.info().pieceLength();
        long position = (long) index * pieceLength;
        int size = (int) Math.min(pieceLength, entry.length() - position);
        if (size <= 0) {
            return false;
        }
        ByteBuffer piece = ByteBuffer.allocate(size);
        while (piece.hasRemaining()) {
            if (file.read(piece, position + piece.position()) < 0) {
                return false; // the file shrank while we read
            }
        }
        piece.flip();
        if (entry.length() <= pieceLength) {
            return MessageDigest.isEqual(MerkleTree.rootOfLeaves(MerkleTree.blockHashes(piece)), entry.piecesRoot());
        }
        byte[] layer = metainfo.pieceLayers().layer(entry.piecesRoot()).orElse(new byte[0]);
        if (layer.length < (index + 1) * MerkleTree.HASH_LENGTH) {
            return false;
        }
        byte[] expected = java.util.Arrays.copyOfRange(layer, index * MerkleTree.HASH_LENGTH,
                (index + 1) * MerkleTree.HASH_LENGTH);
        return MessageDigest.isEqual(MerkleTree.pieceHash(piece, pieceLength), expected);
    }
}
