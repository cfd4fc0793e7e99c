package org.everseed.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.MetainfoParser;
import org.everseed.bittorrent.tracker.ScrapeStats;
import org.everseed.bittorrent.tracker.udp.UdpRequestEncoder;
import org.everseed.bittorrent.tracker.udp.UdpResponse;
import org.everseed.bittorrent.tracker.udp.UdpResponseDecoder;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.events.EventCodec;
import org.everseed.events.PublicationWithdrawn;
import org.everseed.events.TorrentCreated;
import org.everseed.seed.announce.Announcer;
import org.everseed.seed.session.TorrentRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The everseed announcing over UDP (BEP 15) to a real tracker, Debian's opentracker, started here on free ports with
 * a whitelist of this test's torrents, against the real embedded Kafka and PostgreSQL (metafile-service stubbed):
 * <ul>
 *   <li>a torrent whose only tracker is opentracker's UDP port: the everseed announces {@code started} with
 *   {@code left=0} (opentracker's scrape counts one seeder), and aria2c, given the .torrent, downloads the file
 *   finding the everseed only through that tracker (the torrent is private, so aria2c uses no DHT for it; LPD and
 *   PEX off; no web seed);</li>
 *   <li>a torrent whose first tier is a dead HTTP tracker and a silent UDP one and whose second is opentracker's UDP
 *   port (BEP 12): the everseed sends the silent one its connect {@code udp-tries} times, then falls back to the
 *   second tier, and aria2c, given only {@code magnet:?xt=urn:btih:<hex>&tr=<udp>},
 *   gets the metadata from the everseed (BEP 9 {@code ut_metadata}) and then the file;</li>
 *   <li>a withdrawn publication sends {@code stopped} over UDP: opentracker's scrape drops to no seeder.</li>
 * </ul>
 * aria2c speaks UDP trackers only with its DHT on ({@code --enable-dht}: "It also enables UDP tracker support"): it
 * runs with a fresh, empty DHT file and no bootstrap node, so its DHT knows no one. The SHA-256 of the downloaded
 * bytes must match.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=seed-service", "everseed.messaging.retry-backoff=200ms"})
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SeedUdpTrackerIT {
    private static final Path BLOBS = tempDir("seed-udp-blobs-");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final StubHttpServices STUBS = stubs();
    private static final int TRACKER_PORT = freePort();
    private static final String UDP_TRACKER = "udp://127.0.0.1:" + TRACKER_PORT + "/announce";
    private static final String DEAD_HTTP_TRACKER = "http://127.0.0.1:" + freePort() + "/announce";
    private static final DatagramSocket SILENT = silentSocket();
    private static final String SILENT_UDP_TRACKER = "udp://127.0.0.1:" + SILENT.getLocalPort() + "/announce";
    private static Published udpOnly;
    private static Published tiered;
    private static Published withdrawn;
    private static Process opentracker;

    private final EventCodec codec = new EventCodec();
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    TorrentRegistry registry;
    @Autowired
    Announcer announcer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springProperties("seed_udp").forEach((k, v) -> registry.add(k, () -> v));
        registry.add("everseed.blob-storage.root", BLOBS::toString);
        registry.add("everseed.seed.metafile-uri", STUBS::baseUrl);
        registry.add("everseed.seed.peer-port", () -> "0");
        registry.add("everseed.seed.udp-timeout", () -> "500ms");
    }

    /** A file in blob storage and its private .torrent made by mktorrent with the given tiers (one -a per tier). */
    record Published(byte[] content, String blobKey, byte[] torrent, Metainfo metainfo) {
        InfoHash infoHash() {
            return metainfo.infoHash();
        }
    }

    @BeforeAll
    static void publishAndStartOpentracker() throws Exception {
        udpOnly = publish(700 * 1024 + 77, List.of(UDP_TRACKER));
        tiered = publish(500 * 1024 + 3, List.of(DEAD_HTTP_TRACKER + "," + SILENT_UDP_TRACKER, UDP_TRACKER));
        withdrawn = publish(100 * 1024, List.of(UDP_TRACKER));
        assertThat(tiered.metainfo().announceList())
                .containsExactly(List.of(DEAD_HTTP_TRACKER, SILENT_UDP_TRACKER), List.of(UDP_TRACKER));
        // Debian's opentracker tracks whitelisted info_hashes only; it chroots to -d and drops root for nobody, so
        // the directory is world-readable and the whitelist named relative to it
        Path dir = Files.createTempDirectory("opentracker-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path whitelist = Files.writeString(dir.resolve("whitelist"), udpOnly.infoHash().hex() + "\n"
                + tiered.infoHash().hex() + "\n" + withdrawn.infoHash().hex() + "\n");
        Files.setPosixFilePermissions(whitelist, PosixFilePermissions.fromString("rw-r--r--"));
        opentracker = new ProcessBuilder("opentracker", "-i", "127.0.0.1", "-p", Integer.toString(TRACKER_PORT),
                "-P", Integer.toString(TRACKER_PORT), "-w", "whitelist", "-d", dir.toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("opentracker.log").toFile()).start();
        await(() -> scrape(udpOnly.infoHash()).isPresent(), "opentracker answering on UDP " + TRACKER_PORT);
    }

    @AfterAll
    static void stop() throws InterruptedException {
        STUBS.close();
        SILENT.close();
        if (opentracker != null) {
            opentracker.destroy();
            if (!opentracker.waitFor(10, TimeUnit.SECONDS)) {
                opentracker.destroyForcibly();
            }
        }
    }

    @Test
    void aria2cDownloadsFromTheEverseedFoundOnlyThroughTheUdpTracker() throws Exception {
        Published p = udpOnly;
        start(p);
        await(() -> announcer.currentTracker(p.infoHash()).equals(Optional.of(UDP_TRACKER)), "announced over UDP");
        await(() -> scrape(p.infoHash()).map(s -> s.complete() == 1).orElse(false),
                "opentracker counts the everseed as a seeder");
        Path dir = Files.createTempDirectory("aria2-udp-");
        Path torrentFile = Files.write(dir.resolve("t.torrent"), p.torrent());
        aria2cDownloads(p, dir, torrentFile.toString());
    }

    @Test
    void aria2cDownloadsFromAMagnetLinkWithTheUdpTrackerTheEverseedReachedAfterADeadFirstTier() throws Exception {
        Published p = tiered;
        start(p);
        await(() -> announcer.currentTracker(p.infoHash()).equals(Optional.of(UDP_TRACKER)),
                "announced to the second tier after the dead HTTP tracker and the silent UDP one");
        SILENT.setSoTimeout(200);
        int connects = 0;
        try {
            for (byte[] b = new byte[2048]; ; connects++) {
                DatagramPacket packet = new DatagramPacket(b, b.length);
                SILENT.receive(packet);
                assertThat(packet.getLength()).as("a BEP 15 connect").isEqualTo(16);
            }
        } catch (SocketTimeoutException e) {
            assertThat(connects).as("the silent tracker was sent the connect udp-tries times").isEqualTo(3);
        }
        await(() -> scrape(p.infoHash()).map(s -> s.complete() == 1).orElse(false), "the everseed listed");
        Path dir = Files.createTempDirectory("aria2-magnet-");
        String magnet = "magnet:?xt=urn:btih:" + p.infoHash().hex() + "&tr="
                + URLEncoder.encode(UDP_TRACKER, StandardCharsets.UTF_8);
        aria2cDownloads(p, dir, magnet);
    }

    @Test
    void aWithdrawnPublicationSendsStoppedOverUdp() throws Exception {
        Published p = withdrawn;
        UUID publication = start(p);
        await(() -> scrape(p.infoHash()).map(s -> s.complete() == 1).orElse(false), "the everseed listed");
        PublicationWithdrawn event = new PublicationWithdrawn(UUID.randomUUID(), Instant.now(), publication,
                p.infoHash().hex(), null);
        kafka.send(event.topic(), event.key(), codec.encode(event)).get(30, TimeUnit.SECONDS);
        await(() -> !registry.contains(p.infoHash()), "everseed stopped");
        await(() -> scrape(p.infoHash()).map(s -> s.complete() == 0).orElse(false),
                "opentracker no longer lists the everseed");
    }

    /** Sends the {@code TorrentCreated} of a new publication of {@code p} and waits for its everseed; its id. */
    private UUID start(Published p) throws Exception {
        TorrentCreated event = new TorrentCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                p.infoHash().hex(), p.metainfo().info().name(), p.content().length, 32768, p.blobKey(),
                "http://localhost:8080/torrents/" + p.infoHash().hex() + ".torrent",
                "magnet:?xt=urn:btih:" + p.infoHash().hex());
        kafka.send(event.topic(), event.key(), codec.encode(event)).get(30, TimeUnit.SECONDS);
        await(() -> registry.contains(p.infoHash()), "everseed started");
        return event.publicationId();
    }

    private static void aria2cDownloads(Published p, Path dir, String torrentOrMagnet) throws Exception {
        Path save = Files.createDirectories(dir.resolve("save"));
        List<String> command = new ArrayList<>(List.of("aria2c",
                "--enable-dht=true", "--dht-file-path=" + dir.resolve("dht.dat"),        // UDP trackers need it on
                "--dht-listen-port=" + freePort(), "--enable-dht6=false", "--bt-enable-lpd=false",
                "--enable-peer-exchange=false", "--seed-time=0", "--bt-save-metadata=false", "--check-integrity=true",
                "--bt-stop-timeout=90", "--console-log-level=notice", "--summary-interval=0", "--dir=" + save,
                torrentOrMagnet));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("aria2c finished: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        byte[] downloaded = Files.readAllBytes(save.resolve(p.metainfo().info().name()));
        assertThat(sha256(downloaded)).isEqualTo(sha256(p.content()));
    }

    /** opentracker's BEP 15 scrape of {@code infoHash}, or empty if it does not answer within a second. */
    private static Optional<ScrapeStats> scrape(InfoHash infoHash) {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(1000);
            InetSocketAddress tracker = new InetSocketAddress(InetAddress.getLoopbackAddress(), TRACKER_PORT);
            int tx = ThreadLocalRandom.current().nextInt();
            UdpResponse connect = exchange(socket, tracker, UdpRequestEncoder.connect(tx));
            if (!(connect instanceof UdpResponse.Connect c) || c.transactionId() != tx) {
                return Optional.empty();
            }
            UdpResponse scrape = exchange(socket, tracker, UdpRequestEncoder.scrape(c.connectionId(), tx + 1,
                    List.of(infoHash)));
            return scrape instanceof UdpResponse.Scrape s && s.transactionId() == tx + 1
                    ? Optional.of(s.stats().getFirst()) : Optional.empty();
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UdpResponse exchange(DatagramSocket socket, InetSocketAddress to, byte[] request) throws IOException {
        socket.send(new DatagramPacket(request, request.length, to));
        byte[] buffer = new byte[1500];
        DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
        socket.receive(answer);
        return UdpResponseDecoder.decode(buffer, answer.getLength(), false);
    }

    private static Published publish(int size, List<String> tiers) throws Exception {
        byte[] content = new byte[size];
        new Random().nextBytes(content);
        Path dir = Files.createTempDirectory("seed-udp-src-");
        Path source = Files.write(dir.resolve("udp-" + UUID.randomUUID() + ".bin"), content);
        Path torrentFile = dir.resolve("out.torrent");
        List<String> command = new ArrayList<>(List.of("mktorrent", "-p", "-l", "15"));
        tiers.forEach(t -> command.addAll(List.of("-a", t)));
        command.addAll(List.of("-o", torrentFile.toString(), source.toString()));
        Process mktorrent = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(mktorrent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(mktorrent.exitValue()).as(new String(mktorrent.getInputStream().readAllBytes())).isZero();
        byte[] torrent = Files.readAllBytes(torrentFile);
        Metainfo metainfo = MetainfoParser.parse(torrent);
        String blobKey = "udp-it/" + UUID.randomUUID() + ".bin";
        Path blob = BLOBS.resolve(blobKey);
        Files.createDirectories(blob.getParent());
        Files.write(blob, content);
        STUBS.torrents.put(metainfo.infoHash().hex(), torrent);
        return new Published(content, blobKey, torrent, metainfo);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(200);
        }
    }

    private static DatagramSocket silentSocket() {
        try {
            return new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        for (int i = 0; i < 100; i++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 60000);
            try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                return port;
            } catch (IOException e) {
                // taken: try another
            }
        }
        throw new IllegalStateException("no free port");
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static StubHttpServices stubs() {
        try {
            return new StubHttpServices();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
