package org.everseed.bittorrent.metainfo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.everseed.bittorrent.id.InfoHash;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Our v1 info_hash equals what mktorrent and libtorrent (Debian's python3-libtorrent) compute for the same
 * file and piece length, and our parser reads their .torrent files. Fails, never skips, when a tool is missing.
 */
class MetainfoConformanceTest {
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} bytes, piece length 2^{1}, private={2}")
    @CsvSource({"1, 15, false", "65536, 16, false", "1000003, 16, true", "3000000, 18, false"})
    void ourInfoHashEqualsMktorrentsAndLibtorrents(int size, int log2Piece, boolean privateTorrent) throws Exception {
        int pieceLength = 1 << log2Piece;
        Path file = dir.resolve("content-" + size + ".bin");
        byte[] content = new byte[size];
        new Random(size).nextBytes(content);
        Files.write(file, content);

        PieceHasher hasher = new PieceHasher(pieceLength);
        hasher.update(ByteBuffer.wrap(content));
        InfoDictionary info = InfoDictionary.singleFile(file.getFileName().toString(), size, pieceLength,
                hasher.finish(), privateTorrent, Optional.empty());
        Metainfo ours = Metainfo.create(info, Optional.of("http://localhost:8080/announce"), List.of(),
                List.of("http://localhost:8080/files/x"), Optional.empty(), Optional.empty(), Optional.of("Everseed"));

        Path mk = dir.resolve("mk.torrent");
        run(List.of("mktorrent", "-d", "-l", Integer.toString(log2Piece), "-a", "http://t/announce", "-o", mk.toString(),
                privateTorrent ? "-p" : "-v", file.toString()));
        Metainfo mktorrent = MetainfoParser.parse(Files.readAllBytes(mk));
        assertThat(mktorrent.info()).isEqualTo(info);
        assertThat(mktorrent.infoHash()).isEqualTo(ours.infoHash());

        Path lt = dir.resolve("lt.torrent");
        String script = """
                import sys, libtorrent as lt
                fs = lt.file_storage()
                lt.add_files(fs, sys.argv[1])
                t = lt.create_torrent(fs, int(sys.argv[2]), flags=lt.create_torrent.v1_only)
                t.set_priv(sys.argv[4] == 'true')
                lt.set_piece_hashes(t, sys.argv[5])
                open(sys.argv[3], 'wb').write(lt.bencode(t.generate()))
                print(lt.torrent_info(sys.argv[3]).info_hashes().v1)
                """;
        String printed = run(List.of(PYTHON, "-c", script, file.toString(), Integer.toString(pieceLength), lt.toString(),
                Boolean.toString(privateTorrent), dir.toString()));
        assertThat(InfoHash.fromHex(printed.strip())).isEqualTo(ours.infoHash());
        assertThat(MetainfoParser.parse(Files.readAllBytes(lt)).infoHash()).isEqualTo(ours.infoHash());

        // And libtorrent reads our .torrent with the same info_hash.
        Path ourFile = dir.resolve("ours.torrent");
        Files.write(ourFile, MetainfoWriter.write(ours));
        String loaded = run(List.of(PYTHON, "-c",
                "import sys, libtorrent as lt; t = lt.torrent_info(sys.argv[1]); print(t.info_hashes().v1, t.piece_length())",
                ourFile.toString()));
        assertThat(loaded.strip()).isEqualTo(ours.infoHash().hex() + " " + pieceLength);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command.getFirst()).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("%s: %s", command.getFirst(), text).isZero();
        return text;
    }
}
