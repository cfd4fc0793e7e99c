package org.everseed.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.everseed.bittorrent.metainfo.FileTreeEntry;
import org.everseed.bittorrent.metainfo.MerkleTree;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.MetainfoParser;
import org.everseed.bittorrent.metainfo.TorrentFormat;
import org.everseed.bittorrent.peer.Extension;
import org.everseed.bittorrent.peer.Handshake;
import org.everseed.bittorrent.peer.PeerMessage.BitfieldMessage;
import org.everseed.bittorrent.peer.PeerMessage.HashReject;
import org.everseed.bittorrent.peer.PeerMessage.HashRequest;
import org.everseed.bittorrent.peer.PeerMessage.Hashes;
import org.everseed.bittorrent.peer.ReservedBits;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.events.EventCodec;
import org.everseed.events.TorrentCreated;
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
 * v2-only and hybrid torrents (BEP 52) made by libtorrent's {@code create_torrent}, seeded by the everseed against
 * the real embedded Kafka and PostgreSQL: libtorrent downloads each from the everseed alone (from the .torrent, and
 * the v2 one from a bare {@code urn:btmh} magnet link, which needs the piece layers through hash requests); a raw
 * peer's hash request is answered with hashes (piece layer or blocks) that hash up to the pieces root, or a hash reject.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=seed-service", "everseed.messaging.retry-backoff=200ms"})
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SeedV2IT {
    private static final Path BLOBS = tempDir("seed-v2-blobs-");
    private static final StubHttpServices STUBS = stubs();
    private static final int PIECE_LENGTH = 32 * 1024;
    private static final Map<TorrentFormat, Published> PUBLISHED = new HashMap<>();

    private final EventCodec codec = new EventCodec();
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    PeerWireServer server;
    @Autowired
    TorrentRegistry registry;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springProperties("seed_v2").forEach((k, v) -> registry.add(k, () -> v));
        registry.add("everseed.blob-storage.root", BLOBS::toString);
        registry.add("everseed.seed.metafile-uri", STUBS::baseUrl);
        registry.add("everseed.seed.peer-port", () -> "0");
    }

    @AfterAll
    static void stopStubs() {
        STUBS.close();
    }

    record Published(byte[] content, String blobKey, byte[] torrent, Metainfo metainfo) {
    }

    @Test
    void libtorrentDownloadsAV2OnlyTorrentFromTheEverseedAlone() throws Exception {
        Published p = seeded(TorrentFormat.V2);
        assertThat(p.metainfo().format()).isEqualTo(TorrentFormat.V2);
        libtorrentDownloads(p, Files.write(Files.createTempFile("v2-", ".torrent"), p.torrent()).toString());
    }

    @Test
    void libtorrentDownloadsAHybridTorrentFromTheEverseedAlone() throws Exception {
        Published p = seeded(TorrentFormat.HYBRID);
        assertThat(p.metainfo().format()).isEqualTo(TorrentFormat.HYBRID);
        libtorrentDownloads(p, Files.write(Files.createTempFile("hybrid-", ".torrent"), p.torrent()).toString());
    }

    @Test
    void libtorrentDownloadsAV2TorrentFromAMagnetLinkGettingPieceLayersByHashRequests() throws Exception {
        Published p = seeded(TorrentFormat.V2);
        libtorrentDownloads(p, "magnet:?xt=urn:btmh:1220" + p.metainfo().infoHashV2().orElseThrow().hex());
    }

    @Test
    void aHybridTorrentIsFoundByItsTruncatedV2InfoHashToo() throws Exception {
        Published p = seeded(TorrentFormat.HYBRID);
        var v2 = p.metainfo().infoHashV2().orElseThrow().truncated();
        try (RawPeer peer = new RawPeer(server.port(), Duration.ofSeconds(10))) {
            peer.sendHandshake(v2);
            Handshake answer = peer.readHandshake();
            assertThat(answer.infoHash()).as("the info_hash the peer named").isEqualTo(v2);
            assertThat(answer.reserved().supports(Extension.V2_UPGRADE)).isTrue();
        }
    }

    @Test
    void aHashRequestIsAnsweredWithPieceLayerHashesAndTheirProofOrRejected() throws Exception {
        Published p = seeded(TorrentFormat.V2);
        FileTreeEntry file = p.metainfo().info().fileTree().getFirst();
        byte[] root = file.piecesRoot();
        byte[] layer = p.metainfo().pieceLayers().layer(root).orElseThrow();
        int pieces = layer.length / 32;                                    // 97 pieces: a layer of 128 nodes
        int pieceLayer = Integer.numberOfTrailingZeros(PIECE_LENGTH / MerkleTree.BLOCK_SIZE);
        int count = 64;                                                    // the first half of the layer
        try (RawPeer peer = new RawPeer(server.port(), Duration.ofSeconds(10))) {
            peer.sendHandshake(p.metainfo().infoHash(), ReservedBits.with(Extension.V2_UPGRADE));
            assertThat(peer.readHandshake().reserved().supports(Extension.V2_UPGRADE)).isTrue();
            assertThat(peer.readMessage(pieces)).isInstanceOf(BitfieldMessage.class);

            peer.send(new HashRequest(root, pieceLayer, 0, count, 1));
            Hashes hashes = (Hashes) peer.readMessage(pieces);
            byte[] got = hashes.hashes();
            assertThat(got).hasSize((count + 1) * 32);
            assertThat(Arrays.copyOf(got, count * 32)).isEqualTo(Arrays.copyOf(layer, count * 32));
            byte[] left = subtreeRoot(Arrays.copyOf(got, count * 32));
            byte[] uncle = Arrays.copyOfRange(got, count * 32, (count + 1) * 32);
            assertThat(sha256(left, uncle)).as("the run and its uncle hash to the pieces root").isEqualTo(root);

            peer.send(new HashRequest(root, 0, 4, 2, 1));                    // piece 2's blocks, hashed from the file
            Hashes blocks = (Hashes) peer.readMessage(pieces);
            assertThat(Arrays.copyOf(blocks.hashes(), 64)).isEqualTo(
                    MerkleTree.blockHashes(java.nio.ByteBuffer.wrap(p.content(), 2 * PIECE_LENGTH, PIECE_LENGTH)));
            assertThat(sha256(sha256(Arrays.copyOf(blocks.hashes(), 32), Arrays.copyOfRange(blocks.hashes(), 32, 64)),
                    Arrays.copyOfRange(blocks.hashes(), 64, 96))).as("with its uncle: piece 2-3's node")
                    .isEqualTo(subtreeRoot(Arrays.copyOfRange(layer, 2 * 32, 4 * 32)));
            byte[] other = new byte[32];
            peer.send(new HashRequest(other, pieceLayer, 0, 2, 0));           // another file's root
            assertThat(peer.readMessage(pieces)).isEqualTo(new HashReject(other, pieceLayer, 0, 2, 0));
            peer.send(new HashRequest(root, pieceLayer, 120, 16, 0));         // beyond the layer's 128 nodes
            assertThat(peer.readMessage(pieces)).isInstanceOf(HashReject.class);
        }
    }

    // --- helpers

    private synchronized Published seeded(TorrentFormat format) throws Exception {
        Published p = PUBLISHED.get(format);
        if (p == null) {
            p = publish(format);
            PUBLISHED.put(format, p);
            TorrentCreated event = new TorrentCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(),
                    p.metainfo().infoHash().hex(), p.metainfo().info().name(), p.content().length, PIECE_LENGTH,
                    p.blobKey(), "http://localhost:8080/torrents/x.torrent", "magnet:?xt=urn:btih:x",
                    p.metainfo().infoHashV2().orElseThrow().hex());
            kafka.send(event.topic(), event.key(), codec.encode(event)).get(30, TimeUnit.SECONDS);
            Published started = p;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!registry.contains(started.metainfo().infoHash())) {
                assertThat(System.nanoTime()).as("everseed started").isLessThan(deadline);
                Thread.sleep(100);
            }
        }
        return p;
    }

    /** A file of 97 pieces of 32 KiB (the last one short), its .torrent made by libtorrent in {@code format}. */
    private static Published publish(TorrentFormat format) throws Exception {
        byte[] content = new byte[3 * 1024 * 1024 + 1234];
        new Random().nextBytes(content);
        Path dir = Files.createTempDirectory("seed-v2-src-");
        Path source = Files.write(dir.resolve(format.wireName() + "-" + UUID.randomUUID() + ".bin"), content);
        Path out = dir.resolve("out.torrent");
        run("/usr/bin/python3", script("/libtorrent_make_torrent.py").toString(), source.toString(),
                format.wireName(), Integer.toString(PIECE_LENGTH), STUBS.baseUrl() + "/announce", out.toString());
        byte[] torrent = Files.readAllBytes(out);
        Metainfo metainfo = MetainfoParser.parse(torrent);
        String blobKey = "v2it/" + UUID.randomUUID() + ".bin";
        Files.createDirectories(BLOBS.resolve(blobKey).getParent());
        Files.write(BLOBS.resolve(blobKey), content);
        STUBS.torrents.put(metainfo.infoHash().hex(), torrent);
        return new Published(content, blobKey, torrent, metainfo);
    }

    private void libtorrentDownloads(Published p, String torrentOrMagnet) throws Exception {
        Path save = Files.createTempDirectory("lt-v2-save-");
        String output = run("/usr/bin/python3", script("/libtorrent_download.py").toString(), torrentOrMagnet,
                save.toString(), "127.0.0.1", Integer.toString(server.port()), "90");
        byte[] downloaded = Files.readAllBytes(save.resolve(p.metainfo().info().name()));
        assertThat(sha256(downloaded)).as(output).isEqualTo(sha256(p.content()));
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(finished).as("finished: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** The root of a run of a power-of-two number of nodes. */
    private static byte[] subtreeRoot(byte[] nodes) throws Exception {
        byte[] level = nodes;
        while (level.length > 32) {
            byte[] up = new byte[level.length / 2];
            for (int i = 0; i < up.length / 32; i++) {
                System.arraycopy(sha256(Arrays.copyOfRange(level, 64 * i, 64 * i + 32),
                        Arrays.copyOfRange(level, 64 * i + 32, 64 * i + 64)), 0, up, 32 * i, 32);
            }
            level = up;
        }
        return level;
    }

    private static byte[] sha256(byte[] a, byte[] b) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update(a);
        sha.update(b);
        return sha.digest();
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static Path script(String resource) throws IOException {
        Path script = Files.createTempFile("seed-v2-", ".py");
        try (var in = SeedV2IT.class.getResourceAsStream(resource)) {
            Files.write(script, in.readAllBytes());
        }
        return script;
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
