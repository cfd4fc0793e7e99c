package org.everseed.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.everseed.bittorrent.metainfo.FileEntry;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.MetainfoParser;
import org.everseed.bittorrent.metainfo.TorrentFormat;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.events.EventCodec;
import org.everseed.events.TorrentCreated;
import org.everseed.events.UploadedFile;
import org.everseed.seed.peerwire.PeerWireServer;
import org.everseed.seed.session.TorrentRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Multi-file torrents, made by libtorrent's {@code create_torrent} from one directory in each format (v1: pieces span
 * files; hybrid: BEP 47 pad files align every file; v2: files aligned to pieces without pad files, BEP 52), each file
 * in a blob of its own as the portal stores them, announced by a {@code TorrentCreated} with its files, against the
 * real embedded Kafka and PostgreSQL. libtorrent downloads every format from the everseed alone, aria2c the v1 one
 * through a tracker that hands out only the everseed; every file's bytes must match.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=seed-service", "everseed.messaging.retry-backoff=200ms"})
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SeedMultiFileIT {
    private static final Path BLOBS = ExternalProcess.tempDir("seed-multi-blobs-");
    private static final StubHttpServices STUBS = StubHttpServices.start();
    private static final int PIECE_LENGTH = 32 * 1024;
    /** Path below the directory to content: odd sizes, an empty file, one of exactly one piece, nested directories. */
    private static final Map<List<String>, byte[]> FILES = files();

    private final EventCodec codec = new EventCodec();
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    PeerWireServer server;
    @Autowired
    TorrentRegistry registry;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springProperties("seed_multi").forEach((k, v) -> registry.add(k, () -> v));
        registry.add("everseed.blob-storage.root", BLOBS::toString);
        registry.add("everseed.seed.metafile-uri", STUBS::baseUrl);
        registry.add("everseed.seed.peer-port", () -> "0");
    }

    @AfterAll
    static void stopStubs() {
        STUBS.close();
    }

    @Test
    void libtorrentDownloadsAV1MultiFileTorrentWhosePiecesSpanFiles() throws Exception {
        libtorrentDownloads(seeded(TorrentFormat.V1));
    }

    @Test
    void libtorrentDownloadsAHybridMultiFileTorrentWithPadFiles() throws Exception {
        Metainfo m = seeded(TorrentFormat.HYBRID);
        assertThat(m.info().files()).as("libtorrent pads hybrid files").anyMatch(FileEntry::padding);
        libtorrentDownloads(m);
    }

    @Test
    void libtorrentDownloadsAV2MultiFileTorrent() throws Exception {
        libtorrentDownloads(seeded(TorrentFormat.V2));
    }

    @Test
    void aria2cDownloadsAV1MultiFileTorrentThroughTheTrackerFromTheEverseedAlone() throws Exception {
        Metainfo m = seeded(TorrentFormat.V1);
        STUBS.peerPort = server.port();
        Path dir = Files.createTempDirectory("aria2-multi-");
        Path torrent = Files.write(dir.resolve("t.torrent"), STUBS.torrents.get(m.infoHash().hex()));
        Path save = Files.createDirectories(dir.resolve("save"));
        ExternalProcess.run(120, "aria2c", "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false",
                "--enable-peer-exchange=false", "--seed-time=0", "--check-integrity=true", "--bt-stop-timeout=60",
                "--console-log-level=warn", "--summary-interval=0", "--dir=" + save, torrent.toString());
        assertFilesMatch(save.resolve(m.info().name()));
    }

    // --- helpers

    private void libtorrentDownloads(Metainfo m) throws Exception {
        Path dir = Files.createTempDirectory("lt-multi-");
        Path torrent = Files.write(dir.resolve("t.torrent"), STUBS.torrents.get(m.infoHash().hex()));
        Path save = Files.createDirectories(dir.resolve("save"));
        ExternalProcess.run(120, "/usr/bin/python3", ExternalProcess.resource("/libtorrent_download.py").toString(),
                torrent.toString(), save.toString(), "127.0.0.1", Integer.toString(server.port()), "90");
        assertFilesMatch(save.resolve(m.info().name()));
    }

    private static void assertFilesMatch(Path root) throws Exception {
        for (Map.Entry<List<String>, byte[]> f : FILES.entrySet()) {
            Path file = root.resolve(String.join("/", f.getKey()));
            assertThat(file).as(f.getKey().toString()).exists();
            assertThat(sha256(Files.readAllBytes(file))).as(f.getKey().toString()).isEqualTo(sha256(f.getValue()));
        }
    }

    private static final Map<TorrentFormat, Metainfo> SEEDED = new LinkedHashMap<>();

    private Metainfo seeded(TorrentFormat format) throws Exception {
        synchronized (SEEDED) {
            Metainfo m = SEEDED.get(format);
            if (m == null) {
                m = publish(format);
                SEEDED.put(format, m);
            }
            return m;
        }
    }

    /** Makes the directory's torrent in {@code format}, stores each file as a blob and announces the torrent. */
    private Metainfo publish(TorrentFormat format) throws Exception {
        String name = "multi-" + format.wireName() + "-" + UUID.randomUUID();
        Path source = Files.createTempDirectory("seed-multi-src-").resolve(name);
        List<UploadedFile> uploaded = new ArrayList<>();
        long size = 0;
        for (Map.Entry<List<String>, byte[]> f : FILES.entrySet()) {
            Path file = source.resolve(String.join("/", f.getKey()));
            Files.createDirectories(file.getParent());
            Files.write(file, f.getValue());
            String blobKey = "multi/" + UUID.randomUUID() + ".bin";
            Files.createDirectories(BLOBS.resolve(blobKey).getParent());
            Files.write(BLOBS.resolve(blobKey), f.getValue());
            uploaded.add(new UploadedFile(f.getKey(), f.getValue().length, sha256(f.getValue()), blobKey));
            size += f.getValue().length;
        }
        Path out = source.resolveSibling(name + ".torrent");
        ExternalProcess.run(60, "/usr/bin/python3", ExternalProcess.resource("/libtorrent_make_torrent.py").toString(),
                source.toString(), format.wireName(), Integer.toString(PIECE_LENGTH), STUBS.baseUrl() + "/announce",
                out.toString());
        byte[] torrent = Files.readAllBytes(out);
        Metainfo metainfo = MetainfoParser.parse(torrent);
        assertThat(metainfo.format()).isEqualTo(format);
        assertThat(metainfo.info().multiFile()).isTrue();
        STUBS.torrents.put(metainfo.infoHash().hex(), torrent);
        TorrentCreated event = new TorrentCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                metainfo.infoHash().hex(), name, size, PIECE_LENGTH, uploaded.getFirst().blobKey(),
                "http://localhost:8080/torrents/x.torrent", "magnet:?xt=urn:btih:x",
                metainfo.infoHashV2().map(h -> h.hex()).orElse(null), uploaded);
        kafka.send(event.topic(), event.key(), codec.encode(event)).get(30, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!registry.contains(metainfo.infoHash())) {
            assertThat(System.nanoTime()).as("everseed of the " + format + " torrent started").isLessThan(deadline);
            Thread.sleep(100);
        }
        return metainfo;
    }

    private static Map<List<String>, byte[]> files() {
        Random random = new Random(11);
        Map<List<String>, byte[]> files = new LinkedHashMap<>();
        int[] sizes = {100_000, 0, PIECE_LENGTH, 5, 70_001, 3 * PIECE_LENGTH + 17};
        String[][] paths = {{"a.bin"}, {"docs", "empty.txt"}, {"docs", "one-piece.bin"}, {"docs", "deep", "tiny"},
            {"z", "odd.bin"}, {"z", "zz.bin"}};
        for (int i = 0; i < sizes.length; i++) {
            byte[] content = new byte[sizes[i]];
            random.nextBytes(content);
            files.put(List.of(paths[i]), content);
        }
        return files;
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    /** Runs the programs of this test and reads its resources. */
    static final class ExternalProcess {
        private ExternalProcess() {
        }

        /** Runs {@code command} for at most {@code seconds}; asserts it finished with exit 0; returns its output. */
        static String run(int seconds, String... command) throws Exception {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(finished).as("finished: " + output).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            return output;
        }

        /** The test resource {@code name} copied to a temporary file. */
        static Path resource(String name) throws IOException {
            Path file = Files.createTempFile("seed-multi-", name.substring(name.lastIndexOf('.')));
            try (var in = SeedMultiFileIT.class.getResourceAsStream(name)) {
                Files.write(file, in.readAllBytes());
            }
            return file;
        }

        static Path tempDir(String prefix) {
            try {
                return Files.createTempDirectory(prefix);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
