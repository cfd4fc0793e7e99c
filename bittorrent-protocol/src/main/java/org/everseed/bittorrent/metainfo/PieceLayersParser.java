package org.everseed.bittorrent.metainfo;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.everseed.bittorrent.bencode.BencodeDictionary;
import org.everseed.bittorrent.bencode.BencodeString;
import org.everseed.bittorrent.bencode.BencodeValue;

/**
 * Reads the top-level {@code piece layers} of a v2 or hybrid .torrent (BEP 52) and checks them against the file
 * tree: every file larger than one piece has a layer of {@code ceil(length / piece length)} 32-byte hashes whose
 * merkle root (padded with hashes of zero pieces) is the file's {@code pieces root}; no other keys appear.
 */
final class PieceLayersParser {
    private PieceLayersParser() {
    }

    static PieceLayers parse(Fields top, InfoDictionary info) {
        BencodeDictionary dict = top.has("piece layers") ? top.dictionary("piece layers") : BencodeDictionary.builder().build();
        Set<String> needed = new HashSet<>();
        PieceLayers.Builder layers = PieceLayers.builder();
        for (FileTreeEntry f : info.fileTree()) {
            if (f.length() <= info.pieceLength()) {
                continue;
            }
            byte[] root = f.piecesRoot();
            needed.add(Arrays.toString(root));
            BencodeValue value = dict.entries().get(BencodeString.of(root));
            if (!(value instanceof BencodeString layer)) {
                throw top.error("'piece layers' lacks the layer of " + String.join("/", f.path()), "piece layers");
            }
            long pieces = InfoDictionary.expectedPieceCount(f.length(), info.pieceLength());
            if (layer.length() != pieces * MerkleTree.HASH_LENGTH) {
                throw top.error("'piece layers' of " + String.join("/", f.path()) + " holds " + layer.length()
                        + " bytes, expected " + pieces * MerkleTree.HASH_LENGTH, "piece layers");
            }
            if (!Arrays.equals(MerkleTree.piecesRoot(layer.bytes(), info.pieceLength()), root)) {
                throw top.error("'piece layers' of " + String.join("/", f.path()) + " does not hash to its pieces root",
                        "piece layers");
            }
            layers.put(root, layer.bytes());
        }
        for (Map.Entry<BencodeString, BencodeValue> e : dict.entries().entrySet()) {
            if (!needed.contains(Arrays.toString(e.getKey().bytes()))) {
                throw top.error("'piece layers' holds a key that is no pieces root of a file larger than a piece",
                        "piece layers");
            }
        }
        return layers.build();
    }
}
