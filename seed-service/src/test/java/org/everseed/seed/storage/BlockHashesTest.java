package org.everseed.seed.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Optional;
import java.util.Random;
import org.everseed.bittorrent.metainfo.MerkleTree;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BEP 52 hash answers below the piece layer, hashed from the file: block runs with proofs up to the pieces root. */
class BlockHashesTest {
    private static final int PIECE = 64 * 1024;          // 4 blocks: the piece layer is layer 2
    @TempDir
    Path dir;

    private record V2File(byte[] content, Metainfo metainfo, byte[] root) {
    }

    private static V2File v2(int size) {
        byte[] content = new byte[size];
        new Random(5).nextBytes(content);
        Metainfo metainfo = V2Torrents.singleFile(content, PIECE);
        return new V2File(content, metainfo, metainfo.info().fileTree().getFirst().piecesRoot());
    }

    private Optional<byte[]> answer(V2File f, byte[] stored, int base, int index, int count, int proof) throws Exception {
        Path file = Files.write(dir.resolve("f-" + System.nanoTime()), stored);
        MerkleHashes tree = MerkleHashes.of(f.metainfo()).orElseThrow();
        try (FileChannel channel = FileChannel.open(file)) {
            return new BlockHashes(tree, channel, stored.length, PIECE).hashes(base, index, count, proof);
        }
    }

    @Test
    void theBlocksOfAPieceComeWithUnclesThatHashUpToTheRoot() throws Exception {
        V2File f = v2(5 * PIECE + 700);                  // 6 pieces: a padded layer of 8, root at layer 5
        byte[] answer = answer(f, f.content(), 0, 8, 4, 10).orElseThrow();     // piece 2's 4 blocks, all the proof
        assertThat(answer).hasSize((4 + 3) * 32);
        byte[] blocks = MerkleTree.blockHashes(ByteBuffer.wrap(f.content(), 2 * PIECE, PIECE));
        assertThat(Arrays.copyOf(answer, 4 * 32)).isEqualTo(blocks);
        byte[] node = sha(sha(hash(answer, 0), hash(answer, 1)), sha(hash(answer, 2), hash(answer, 3)));
        node = sha(node, hash(answer, 4));               // piece 2 is a left child: its uncle is piece 3
        node = sha(hash(answer, 5), node);               // pieces 2-3 are a right child
        node = sha(node, hash(answer, 6));
        assertThat(node).isEqualTo(f.root());
    }

    @Test
    void aRunBelowAPieceGetsUnclesFromInsideThePieceThenAbove() throws Exception {
        V2File f = v2(5 * PIECE + 700);
        byte[] answer = answer(f, f.content(), 0, 22, 2, 10).orElseThrow();    // blocks 22-23: last half of piece 5
        assertThat(answer).hasSize((2 + 4) * 32);
        byte[] node = sha(hash(answer, 0), hash(answer, 1));
        node = sha(hash(answer, 2), node);               // the first half of piece 5, computed from the file
        node = sha(hash(answer, 3), node);
        node = sha(node, hash(answer, 4));               // pieces 6-7 are padding
        node = sha(hash(answer, 5), node);
        assertThat(node).isEqualTo(f.root());
        byte[] tail = new byte[32];
        assertThat(Arrays.copyOfRange(answer, 32, 64)).as("block 23 is beyond the file: a zero leaf").isEqualTo(tail);
    }

    @Test
    void aFileOfOnePieceAnswersItsBlocks() throws Exception {
        V2File f = v2(PIECE - 5);
        byte[] answer = answer(f, f.content(), 0, 0, 4, 0).orElseThrow();
        assertThat(sha(sha(hash(answer, 0), hash(answer, 1)), sha(hash(answer, 2), hash(answer, 3)))).isEqualTo(f.root());
    }

    @Test
    void changedDataOrRequestsOutsideTheTreeAreNotAnswered() throws Exception {
        V2File f = v2(5 * PIECE + 700);
        byte[] changed = f.content().clone();
        changed[2 * PIECE + 3] ^= 1;
        assertThat(answer(f, changed, 0, 8, 4, 0)).as("piece 2 changed").isEmpty();
        assertThat(answer(f, changed, 0, 0, 4, 0)).as("piece 0 did not").isPresent();
        assertThat(answer(f, f.content(), 2, 0, 2, 0)).as("the piece layer is not below the kept layers").isEmpty();
        assertThat(answer(f, f.content(), 0, 30, 4, 0)).as("beyond the 32 leaves").isEmpty();
        assertThat(answer(f, f.content(), 0, -1, 2, 0)).isEmpty();
        assertThat(answer(f, f.content(), 0, 0, 0, 0)).isEmpty();
    }

    private static byte[] hash(byte[] answer, int i) {
        return Arrays.copyOfRange(answer, i * 32, (i + 1) * 32);
    }

    private static byte[] sha(byte[] a, byte[] b) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(a);
        sha.update(b);
        return sha.digest();
    }
}
