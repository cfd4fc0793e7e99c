package org.everseed.seed.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Random;
import org.everseed.bittorrent.metainfo.MerkleTree;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.junit.jupiter.api.Test;

/** BEP 52 hash answers from the piece layer up: runs, proofs up to the root, and what is refused. */
class MerkleHashesTest {
    private static final int PIECE = 32 * 1024;
    private static final int PIECE_LAYER = 1;            // 2 blocks of 16 KiB per piece

    /** A single-file v2 torrent of {@code size} random bytes: 5 pieces make a padded layer of 8 nodes. */
    private static Metainfo v2(int size) {
        byte[] content = new byte[size];
        new Random(7).nextBytes(content);
        return V2Torrents.singleFile(content, PIECE);
    }

    @Test
    void aRunOfThePieceLayerComesWithUnclesThatHashUpToTheRoot() throws Exception {
        Metainfo m = v2(4 * PIECE + 100);
        MerkleHashes tree = MerkleHashes.of(m).orElseThrow();
        byte[] root = m.info().fileTree().getFirst().piecesRoot();
        byte[] layer = m.pieceLayers().layer(root).orElseThrow();

        byte[] answer = tree.hashes(PIECE_LAYER, 0, 2, 5).orElseThrow();   // asks for more proof than there is
        assertThat(answer).hasSize((2 + 2) * 32);                         // 8 nodes: 2 uncles reach the root
        assertThat(Arrays.copyOf(answer, 64)).isEqualTo(Arrays.copyOf(layer, 64));
        byte[] node = sha(Arrays.copyOfRange(answer, 0, 32), Arrays.copyOfRange(answer, 32, 64));
        node = sha(node, Arrays.copyOfRange(answer, 64, 96));
        node = sha(node, Arrays.copyOfRange(answer, 96, 128));
        assertThat(node).isEqualTo(root);
    }

    @Test
    void nodesBeyondTheFileArePaddedWithZeroPieceHashes() {
        Metainfo m = v2(4 * PIECE + 100);
        MerkleHashes tree = MerkleHashes.of(m).orElseThrow();
        byte[] padding = tree.hashes(PIECE_LAYER, 6, 2, 0).orElseThrow();
        byte[] zeroPiece = MerkleTree.pieceHashOfLeaves(new byte[0], PIECE);
        assertThat(Arrays.copyOf(padding, 32)).isEqualTo(zeroPiece);
        assertThat(Arrays.copyOfRange(padding, 32, 64)).isEqualTo(zeroPiece);
    }

    @Test
    void requestsOutsideWhatIsKeptAreRefused() {
        MerkleHashes tree = MerkleHashes.of(v2(4 * PIECE + 100)).orElseThrow();
        assertThat(tree.hashes(0, 0, 2, 0)).as("block hashes").isEmpty();
        assertThat(tree.hashes(PIECE_LAYER + 3, 0, 1, 0)).as("the root's layer").isEmpty();
        assertThat(tree.hashes(PIECE_LAYER, 6, 4, 0)).as("beyond the layer").isEmpty();
        assertThat(tree.hashes(PIECE_LAYER, 0, 0, 0)).as("no hash").isEmpty();
        assertThat(tree.hashes(PIECE_LAYER, -2, 2, 0)).as("negative index").isEmpty();
        assertThat(tree.hashes(PIECE_LAYER, 0, 2, -1)).as("negative proof").isEmpty();
    }

    @Test
    void aFileOfOnePieceHasOnlyItsRootAndV1TorrentsHaveNoTree() {
        assertThat(MerkleHashes.of(v2(PIECE - 5)).orElseThrow().hashes(0, 0, 1, 0)).isEmpty();
    }

    private static byte[] sha(byte[] a, byte[] b) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(a);
        sha.update(b);
        return sha.digest();
    }
}
