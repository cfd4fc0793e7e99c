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
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.MetainfoParser;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.events.EventCodec;
import org.everseed.events.TorrentCreated;
import org.everseed.seed.peerwire.PeerWireServer;
import org.everseed.seed.session.TorrentRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * transmission-cli downloads from the everseed alone. Transmission ignores loopback peers from trackers, so the
 * client runs on a test host of its own: a network namespace made by this test, joined to this one by a veth pair
 * (10.201.N.1 here, 10.201.N.2 there; N random), torn down afterwards. The stub tracker listens on 10.201.N.1 and
 * hands out the everseed (bound to every address) as 10.201.N.1; no traffic leaves this machine. Needs root
 * (CAP_NET_ADMIN) and iproute2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=seed-service", "everseed.messaging.retry-backoff=200ms"})
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SeedTransmissionIT {
    private static final int SUBNET = ThreadLocalRandom.current().nextInt(1, 255);
    private static final String HOST_IP = "10.201." + SUBNET + ".1";
    private static final String CLIENT_IP = "10.201." + SUBNET + ".2";
    private static final String NAMESPACE = "es-tr-" + SUBNET + "-" + ProcessHandle.current().pid();
    private static final String VETH_HOST = "es-h" + SUBNET + "-" + ProcessHandle.current().pid() % 10000;
    private static final String VETH_CLIENT = "es-c" + SUBNET + "-" + ProcessHandle.current().pid() % 10000;
    private static final Path BLOBS = tempDir("seed-tr-blobs-");
    private static final StubHttpServices STUBS = network();

    private final EventCodec codec = new EventCodec();
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    PeerWireServer server;
    @Autowired
    TorrentRegistry registry;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springProperties("seed_tr").forEach((k, v) -> registry.add(k, () -> v));
        registry.add("everseed.blob-storage.root", BLOBS::toString);
        registry.add("everseed.seed.metafile-uri", STUBS::baseUrl);
        registry.add("everseed.seed.peer-port", () -> "0");
    }

    @AfterAll
    static void tearDown() {
        try {
            STUBS.close();
        } finally {
            teardownNetwork();
        }
    }

    /**
     * {@code -et}: encryption tolerated (a plain handshake); {@code -er}: encryption required (MSE with RC4). By
     * magnet link, transmission gets the info dictionary from the everseed (BEP 9) before the pieces.
     */
    @ParameterizedTest(name = "transmission-cli {0} by {1}")
    @CsvSource({"-et, torrent", "-er, torrent", "-et, magnet"})
    void transmissionCliInItsOwnNamespaceDownloadsFromTheEverseedAlone(String encryption, String by) throws Exception {
        byte[] content = new byte[2 * 1024 * 1024 + 777];
        new Random().nextBytes(content);
        Path dir = Files.createTempDirectory("seed-tr-src-");
        Path source = Files.write(dir.resolve("transmission-" + UUID.randomUUID() + ".bin"), content);
        Path torrentFile = dir.resolve("t.torrent");
        run(60, "mktorrent", "-l", "15", "-a", STUBS.baseUrl() + "/announce", "-o", torrentFile.toString(),
                source.toString());
        byte[] torrent = Files.readAllBytes(torrentFile);
        Metainfo metainfo = MetainfoParser.parse(torrent);
        String blobKey = "tr/" + UUID.randomUUID() + ".bin";
        Files.createDirectories(BLOBS.resolve(blobKey).getParent());
        Files.write(BLOBS.resolve(blobKey), content);
        STUBS.torrents.put(metainfo.infoHash().hex(), torrent);
        STUBS.peerPort = server.port();
        TorrentCreated event = new TorrentCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                metainfo.infoHash().hex(), metainfo.info().name(), content.length, 32 * 1024, blobKey,
                "http://localhost:8080/torrents/x.torrent", "magnet:?xt=urn:btih:" + metainfo.infoHash().hex());
        kafka.send(event.topic(), event.key(), codec.encode(event)).get(30, TimeUnit.SECONDS);
        long started = System.nanoTime();
        while (!registry.contains(metainfo.infoHash())) {
            assertThat(System.nanoTime() - started).as("everseed started").isLessThan(TimeUnit.SECONDS.toNanos(60));
            Thread.sleep(100);
        }

        Path save = Files.createTempDirectory("seed-tr-save-");
        Path config = Files.createTempDirectory("seed-tr-config-");
        // uTP off: transmission tries uTP first and falls back to TCP (all the everseed speaks) only after retries;
        // DHT, LPD, PEX and port mapping off: the tracker's everseed is the only source and nothing leaves the host
        Files.writeString(config.resolve("settings.json"), "{\"utp-enabled\": false, \"dht-enabled\": false,"
                + " \"lpd-enabled\": false, \"pex-enabled\": false, \"port-forwarding-enabled\": false}");
        Path log = dir.resolve("transmission.log");
        Process transmission = new ProcessBuilder("ip", "netns", "exec", NAMESPACE, "transmission-cli",
                "-g", config.toString(), "-w", save.toString(), encryption, "-M", "-p", "51413", by.equals("magnet") ? magnet(metainfo)
                        : torrentFile.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path downloaded = save.resolve(metainfo.info().name());
        String expected = sha256(content);
        boolean complete = false;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!complete && System.nanoTime() < deadline && transmission.isAlive()) {
                Thread.sleep(500);
                complete = Files.isRegularFile(downloaded) && Files.size(downloaded) == content.length
                        && sha256(Files.readAllBytes(downloaded)).equals(expected);
            }
        } finally {
            transmission.destroy();
            if (!transmission.waitFor(10, TimeUnit.SECONDS)) {
                transmission.destroyForcibly();
            }
        }
        String output = Files.readString(log, StandardCharsets.ISO_8859_1);
        assertThat(complete).as("transmission-cli downloaded the file, SHA-256 matching: "
                + output.substring(Math.max(0, output.length() - 2000))).isTrue();
        assertThat(STUBS.announces).as("transmission announced from its namespace")
                .anyMatch(q -> q.contains("port=51413"));
    }

    // --- helpers

    /** A v1 magnet link naming the stub tracker, which hands out only the everseed. */
    private static String magnet(Metainfo metainfo) {
        return "magnet:?xt=urn:btih:" + metainfo.infoHash().hex() + "&dn=" + metainfo.info().name() + "&tr="
                + java.net.URLEncoder.encode(STUBS.baseUrl() + "/announce", StandardCharsets.UTF_8);
    }

    /** Makes the namespace and the veth pair, then the stub services on the host end. */
    private static StubHttpServices network() {
        try {
            teardownNetwork();
            run(10, "ip", "netns", "add", NAMESPACE);
            run(10, "ip", "link", "add", VETH_HOST, "type", "veth", "peer", "name", VETH_CLIENT);
            run(10, "ip", "link", "set", VETH_CLIENT, "netns", NAMESPACE);
            run(10, "ip", "addr", "add", HOST_IP + "/24", "dev", VETH_HOST);
            run(10, "ip", "link", "set", VETH_HOST, "up");
            run(10, "ip", "netns", "exec", NAMESPACE, "ip", "addr", "add", CLIENT_IP + "/24", "dev", VETH_CLIENT);
            run(10, "ip", "netns", "exec", NAMESPACE, "ip", "link", "set", VETH_CLIENT, "up");
            run(10, "ip", "netns", "exec", NAMESPACE, "ip", "link", "set", "lo", "up");
            return new StubHttpServices(HOST_IP, HOST_IP);
        } catch (Exception e) {
            teardownNetwork();
            throw new IllegalStateException("cannot set up the test network: " + e.getMessage(), e);
        }
    }

    /** Removes the namespace (which removes the veth pair) and the host end if it is left; ignores what is gone. */
    private static void teardownNetwork() {
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"ip", "netns", "del", NAMESPACE});
        commands.add(new String[] {"ip", "link", "del", VETH_HOST});
        for (String[] command : commands) {
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (!p.waitFor(10, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (IOException e) {
                // nothing to remove
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String run(int seconds, String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(seconds, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
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
}
