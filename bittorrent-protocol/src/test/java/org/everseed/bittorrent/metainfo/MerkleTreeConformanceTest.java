package org.everseed.bittorrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.everseed.bittorrent.bencode.BencodeDecoder;
import org.everseed.bittorrent.bencode.BencodeDictionary;
import org.everseed.bittorrent.bencode.BencodeString;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our BEP 52 pieces root and piece layer equal libtorrent's (python3-libtorrent, v2-only torrents) for the
 * same file and piece length, including files shorter than a block, one piece, and a short last piece.
 * The per-piece hashes computed one piece at a time (as the service does in parallel) give the same layer.
 */
class MerkleTreeConformanceTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} bytes, piece length {1}")
    @CsvSource({"1, 16384", "16384, 16384", "16385, 32768", "50000, 65536", "100000, 32768", "1000003, 65536",
        "2097152, 16384"})
    void piecesRootAndPieceLayerEqualLibtorrents(int size, int pieceLength) throws Exception {
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Path file = Files.write(dir.resolve("f.bin"), content);
        Path torrent = dir.resolve("f.torrent");
        String script = """
                import sys, libtorrent as lt
                fs = lt.file_storage()
                lt.add_files(fs, sys.argv[1])
                t = lt.create_torrent(fs, int(sys.argv[2]), flags=lt.create_torrent.v2_only)
                lt.set_piece_hashes(t, sys.argv[4])
                open(sys.argv[3], 'wb').write(lt.bencode(t.generate()))
                """;
        Process p = new ProcessBuilder("/usr/bin/python3", "-c", script, file.toString(), Integer.toString(pieceLength),
                torrent.toString(), dir.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        BencodeDictionary root = (BencodeDictionary) BencodeDecoder.decode(Files.readAllBytes(torrent));
        BencodeDictionary info = (BencodeDictionary) root.get("info").orElseThrow();
        BencodeDictionary entry = (BencodeDictionary) ((BencodeDictionary) ((BencodeDictionary) info.get("file tree")
                .orElseThrow()).get("f.bin").orElseThrow()).get("").orElseThrow();
        byte[] expectedRoot = ((BencodeString) entry.get("pieces root").orElseThrow()).bytes();

        MerkleTree.FileHashes ours = MerkleTree.fileHashes(MerkleTree.blockHashes(ByteBuffer.wrap(content)), pieceLength);

        assertThat(HexFormat.of().formatHex(ours.piecesRoot())).isEqualTo(HexFormat.of().formatHex(expectedRoot));
        if (size > pieceLength) {
            BencodeDictionary layers = (BencodeDictionary) root.get("piece layers").orElseThrow();
            byte[] expectedLayer = ((BencodeString) layers.entries().get(BencodeString.of(expectedRoot))).bytes();
            assertThat(ours.pieceLayer()).isEqualTo(expectedLayer);
            byte[] perPiece = new byte[expectedLayer.length];
            for (int i = 0; i * pieceLength < size; i++) {
                int from = i * pieceLength;
                byte[] h = MerkleTree.pieceHash(ByteBuffer.wrap(content, from, Math.min(pieceLength, size - from)), pieceLength);
                System.arraycopy(h, 0, perPiece, i * MerkleTree.HASH_LENGTH, MerkleTree.HASH_LENGTH);
            }
            assertThat(perPiece).isEqualTo(expectedLayer);
            assertThat(MerkleTree.piecesRoot(perPiece, pieceLength)).isEqualTo(expectedRoot);
        } else {
            assertThat(ours.pieceLayer()).isEmpty();
        }
    }
}
