package org.everseed.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.MetainfoParser;
import org.everseed.bittorrent.peer.Extension;
import org.everseed.bittorrent.peer.ExtendedHandshake;
import org.everseed.bittorrent.peer.Handshake;
import org.everseed.bittorrent.peer.MetadataMessage;
import org.everseed.bittorrent.peer.PeerMessage.Extended;
import org.everseed.bittorrent.peer.PeerMessage.HaveAll;
import org.everseed.bittorrent.peer.PeerMessage.RejectRequest;
import org.everseed.bittorrent.peer.ReservedBits;
import org.everseed.bittorrent.peer.PeerMessage.BitfieldMessage;
import org.everseed.bittorrent.peer.PeerMessage.Interested;
import org.everseed.bittorrent.peer.PeerMessage.Piece;
import org.everseed.bittorrent.peer.PeerMessage.Request;
import org.everseed.bittorrent.peer.PeerMessage.Unchoke;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.events.EventCodec;
import org.everseed.events.PublicationWithdrawn;
import org.everseed.events.SwarmEmpty;
import org.everseed.events.Topics;
import org.everseed.events.TorrentCreated;
import org.everseed.seed.peerwire.PeerWireServer;
import org.everseed.seed.session.TorrentRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The seed service against the real embedded Kafka and PostgreSQL, with stand-ins for the
 * metafile-service and tracker HTTP endpoints: TorrentCreated starts an everseed that announces
 * itself and serves a real libtorrent client alone; hostile peers are cut off while others are served;
 * corrupt pieces are never sent; a restarted instance resumes from the table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=seed-service", "everseed.messaging.retry-backoff=200ms"})
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class SeedServiceIT {
    private static final Path BLOBS = tempDir("seed-blobs-");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final StubHttpServices STUBS = stubs();
    private static final int PIECE_LENGTH = 32 * 1024;
    private static Published published;

    private final EventCodec codec = new EventCodec();
    @LocalServerPort
    int httpPort;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    DatabaseClient db;
    @Autowired
    PeerWireServer server;
    @Autowired
    TorrentRegistry registry;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        properties().forEach((k, v) -> registry.add(k, () -> v));
        registry.add("everseed.seed.peer-port", () -> "0");
    }

    private static Map<String, String> properties() {
        Map<String, String> p = new HashMap<>(EmbeddedInfrastructure.shared().springProperties("seed"));
        p.put("everseed.blob-storage.root", BLOBS.toString());
        p.put("everseed.seed.metafile-uri", STUBS.baseUrl());
        p.put("everseed.seed.handshake-timeout", "5s");
        p.put("everseed.seed.file-check-interval", "1s");
        // on-demand verification only: with read-ahead, an interested peer would start hashing the whole file and a
        // corrupt piece would stop the seed before the test could show a good piece served and the bad one refused
        // (read-ahead is covered by TorrentDataTest and runs in SeedV2IT and SeedTransmissionIT)
        p.put("everseed.seed.verify-ahead", "false");
        return p;
    }

    @AfterAll
    static void stopStubs() {
        STUBS.close();
    }

    /** A file in blob storage, its .torrent made by mktorrent, announced to the stub tracker. */
    record Published(byte[] content, String blobKey, byte[] torrent, Metainfo metainfo, Path source) {
        InfoHash infoHash() {
            return metainfo.infoHash();
        }

        int pieces() {
            return metainfo.info().pieces().count();
        }
    }

    private synchronized Published seeded() throws Exception {
        if (published == null) {
            published = publish(3 * 1024 * 1024 + 1234, -1);
            send(created(published));
            await(() -> registry.contains(published.infoHash()), "everseed started");
        }
        return published;
    }

    @Test
    void torrentCreatedStartsAnEverseedRecordedOnceAndAnnouncedAsASeeder() throws Exception {
        Published p = seeded();
        send(created(p));                                   // a duplicate changes nothing
        await(() -> STUBS.announces.stream().anyMatch(q -> q.contains(urlEncoded(p.infoHash()))), "announce");
        String query = STUBS.announces.stream().filter(q -> q.contains(urlEncoded(p.infoHash()))).findFirst().orElseThrow();
        assertThat(query).contains("event=started", "left=0", "port=" + server.port(), "compact=1");

        Long rows = db.sql("SELECT count(*) AS n FROM everseed WHERE info_hash = :h").bind("h", p.infoHash().bytes())
                .map(r -> r.get("n", Long.class)).one().block(TIMEOUT);
        assertThat(rows).isEqualTo(1L);
        String status = get("/api/v1/everseeds");
        assertThat(status).contains("\"infoHash\":\"" + p.infoHash().hex() + "\"", "\"pieces\":" + p.pieces(),
                "\"verifiedPieces\":");
        assertThat(get("/actuator/prometheus")).contains("everseed_torrents", "everseed_uploaded_bytes_total",
                "everseed_peer_connections");
        Thread.sleep(1000);
        rows = db.sql("SELECT count(*) AS n FROM everseed WHERE info_hash = :h").bind("h", p.infoHash().bytes())
                .map(r -> r.get("n", Long.class)).one().block(TIMEOUT);
        assertThat(rows).isEqualTo(1L);
    }

    @Test
    void libtorrentDownloadsTheFileFromTheEverseedAloneAndTheSha256Matches() throws Exception {
        Published p = seeded();
        Path torrentFile = Files.write(Files.createTempDirectory("lt-").resolve("t.torrent"), p.torrent());
        libtorrentDownloads(p, torrentFile.toString());
    }

    @Test
    void libtorrentDownloadsFromAMagnetLinkGettingTheMetadataFromTheEverseed() throws Exception {
        Published p = seeded();
        libtorrentDownloads(p, "magnet:?xt=urn:btih:" + p.infoHash().hex());
    }

    @Test
    void libtorrentRequiringEncryptionDownloadsOverRc4() throws Exception {
        Published p = seeded();
        Path torrentFile = Files.write(Files.createTempDirectory("lt-").resolve("t.torrent"), p.torrent());
        libtorrentDownloads(p, torrentFile.toString(), "rc4");       // forced MSE, RC4 payload: no plain fallback
    }

    private void libtorrentDownloads(Published p, String torrentOrMagnet, String... encryption) throws Exception {
        Path save = Files.createTempDirectory("lt-save-");
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3",
                script().toString(), torrentOrMagnet, save.toString(), "127.0.0.1", Integer.toString(server.port()), "90"));
        command.addAll(Arrays.asList(encryption));
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true).start();
        boolean finished = process.waitFor(120, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("libtorrent finished: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        byte[] downloaded = Files.readAllBytes(save.resolve(p.metainfo().info().name()));
        assertThat(sha256(downloaded)).isEqualTo(sha256(p.content()));
    }

    @Test
    void aria2cDownloadsThroughTheTrackerFromTheEverseedAlone() throws Exception {
        aria2cDownloads();
    }

    /** aria2c requiring encryption with RC4 (MSE): it never falls back to a plain handshake. */
    @Test
    void aria2cRequiringRc4EncryptionDownloads() throws Exception {
        aria2cDownloads("--bt-require-crypto=true", "--bt-min-crypto-level=arc4");
    }

    private void aria2cDownloads(String... options) throws Exception {
        Published p = seeded();
        STUBS.peerPort = server.port();
        Path dir = Files.createTempDirectory("aria2-");
        Path torrentFile = Files.write(dir.resolve("t.torrent"), p.torrent());
        Path save = Files.createDirectories(dir.resolve("save"));
        List<String> command = new ArrayList<>(List.of("aria2c", "--enable-dht=false",
                "--enable-dht6=false", "--bt-enable-lpd=false", "--enable-peer-exchange=false", "--seed-time=0",
                "--check-integrity=true", "--bt-stop-timeout=60", "--console-log-level=warn", "--summary-interval=0",
                "--dir=" + save));
        command.addAll(Arrays.asList(options));
        command.add(torrentFile.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = process.waitFor(90, TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("aria2c finished: " + output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        byte[] downloaded = Files.readAllBytes(save.resolve(p.metainfo().info().name()));
        assertThat(sha256(downloaded)).isEqualTo(sha256(p.content()));
    }

    @Test
    void aHandDrivenPeerGetsBitfieldUnchokeAndTheRequestedBlock() throws Exception {
        Published p = seeded();
        try (RawPeer peer = new RawPeer(server.port(), Duration.ofSeconds(10))) {
            peer.sendHandshake(p.infoHash());
            Handshake answer = peer.readHandshake();
            assertThat(answer.infoHash()).isEqualTo(p.infoHash());
            BitfieldMessage bitfield = (BitfieldMessage) peer.readMessage(p.pieces());
            assertThat(bitfield.bitfield().isComplete()).isTrue();
            peer.send(new Interested());
            assertThat(peer.readMessage(p.pieces())).isInstanceOf(Unchoke.class);
            int last = p.pieces() - 1;                      // the short last piece: 1234 bytes
            peer.send(new Request(last, 1000, 234));
            Piece piece = (Piece) peer.readMessage(p.pieces());
            assertThat(piece.index()).isEqualTo(last);
            assertThat(piece.begin()).isEqualTo(1000);
            int offset = last * PIECE_LENGTH + 1000;
            assertThat(piece.block()).isEqualTo(Arrays.copyOfRange(p.content(), offset, offset + 234));
        }
    }

    @Test
    void aFastExtensionPeerGetsHaveAllTheMetadataOfferAndRejectsInsteadOfSilence() throws Exception {
        Published p = seeded();
        try (RawPeer peer = new RawPeer(server.port(), Duration.ofSeconds(10))) {
            peer.sendHandshake(p.infoHash(), ReservedBits.with(Extension.FAST, Extension.EXTENSION_PROTOCOL));
            Handshake answer = peer.readHandshake();
            assertThat(answer.reserved().supports(Extension.FAST)).isTrue();
            assertThat(answer.reserved().supports(Extension.EXTENSION_PROTOCOL)).isTrue();
            assertThat(peer.readMessage(p.pieces())).isInstanceOf(HaveAll.class);
            Extended handshake = (Extended) peer.readMessage(p.pieces());
            ExtendedHandshake offer = ExtendedHandshake.decode(handshake.payload());
            assertThat(offer.metadataSize()).hasValue(p.metainfo().infoBytes().length);
            assertThat(offer.idOf(MetadataMessage.EXTENSION_NAME)).isPresent();
            peer.send(new Request(0, 0, 16384));                     // while choked
            assertThat(peer.readMessage(p.pieces())).isEqualTo(new RejectRequest(0, 0, 16384));
            peer.send(new Extended(0, new ExtendedHandshake(Map.of(MetadataMessage.EXTENSION_NAME, 7),
                    OptionalInt.empty(), Optional.empty(), OptionalInt.empty()).encode()));
            peer.send(new Extended(offer.idOf(MetadataMessage.EXTENSION_NAME).getAsInt(),
                    new MetadataMessage.Request(0).encode()));
            Extended data = (Extended) peer.readMessage(p.pieces());
            assertThat(data.extendedId()).isEqualTo(7);
            MetadataMessage.Data piece = (MetadataMessage.Data) MetadataMessage.decode(data.payload());
            assertThat(InfoHash.sha1Of(piece.data())).as("the whole info dictionary in one piece").isEqualTo(p.infoHash());
        }
    }

    @Test
    void hostilePeersAreDisconnectedAndOthersAreStillServed() throws Exception {
        Published p = seeded();
        try (RawPeer garbage = new RawPeer(server.port(), Duration.ofSeconds(10))) {
            garbage.send("GET /announce HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(garbage.closedByPeer()).as("garbage handshake closes").isTrue();
        }
        try (RawPeer noise = new RawPeer(server.port(), Duration.ofSeconds(3))) {
            byte[] random = new byte[96 + 700];                // an MSE public key, then no req1 marker in 512 bytes
            new Random(7).nextBytes(random);
            random[0] = 1;                                     // not a plain handshake's pstrlen of 19
            noise.send(random);
            assertThat(noise.closedByPeer()).as("an encrypted handshake without its marker closes at once").isTrue();
        }
        try (RawPeer unknown = new RawPeer(server.port(), Duration.ofSeconds(10))) {
            unknown.sendHandshake(InfoHash.sha1Of("not served".getBytes(StandardCharsets.US_ASCII)));
            assertThat(unknown.closedByPeer()).as("unknown info_hash closes").isTrue();
        }
        try (RawPeer huge = new RawPeer(server.port(), Duration.ofSeconds(10))) {
            huge.sendHandshake(p.infoHash());
            huge.readHandshake();
            huge.readMessage(p.pieces());
            huge.send(new byte[] {(byte) 0x80, 0, 0, 0, 7});     // declares a 2 GiB message
            assertThat(huge.closedByPeer()).as("2 GiB length prefix closes").isTrue();
        }
        try (RawPeer beyond = new RawPeer(server.port(), Duration.ofSeconds(10))) {
            beyond.sendHandshake(p.infoHash());
            beyond.readHandshake();
            beyond.readMessage(p.pieces());
            beyond.send(new Interested());
            beyond.readMessage(p.pieces());
            beyond.send(new Request(0, PIECE_LENGTH - 100, 16384));  // runs past the end of piece 0
            assertThat(beyond.closedByPeer()).as("request beyond the piece closes").isTrue();
        }
        try (RawPeer silent = new RawPeer(server.port(), Duration.ofSeconds(10))) {
            silent.send(new byte[] {19});                       // starts a handshake, never finishes it
            assertThat(silent.closedByPeer()).as("handshake timeout closes").isTrue();
        }
        try (RawPeer good = new RawPeer(server.port(), Duration.ofSeconds(10))) {
            good.sendHandshake(p.infoHash());
            assertThat(good.readHandshake().infoHash()).isEqualTo(p.infoHash());
            assertThat(good.readMessage(p.pieces())).isInstanceOf(BitfieldMessage.class);
        }
    }

    @Test
    void aPieceThatDoesNotMatchItsHashIsNeverSentAndStopsTheSeedWithAnEvent() throws Exception {
        Published corrupt = publish(5 * PIECE_LENGTH, 2);          // piece 2 corrupted in the blob
        send(created(corrupt));
        await(() -> registry.contains(corrupt.infoHash()), "corrupt everseed started");
        try (RawPeer peer = new RawPeer(server.port(), Duration.ofSeconds(10))) {
            peer.sendHandshake(corrupt.infoHash());
            peer.readHandshake();
            peer.readMessage(corrupt.pieces());                   // every piece offered: verified lazily
            peer.send(new Interested());
            assertThat(peer.readMessage(corrupt.pieces())).isInstanceOf(Unchoke.class);
            peer.send(new Request(1, 0, 16384));
            Piece good = (Piece) peer.readMessage(corrupt.pieces());
            assertThat(good.block()).isEqualTo(Arrays.copyOfRange(corrupt.content(), PIECE_LENGTH, PIECE_LENGTH + 16384));
            peer.send(new Request(2, 0, 16384));
            assertThat(peer.closedByPeer()).as("a request for a piece that does not match closes, nothing sent").isTrue();
        }
        await(() -> !registry.contains(corrupt.infoHash()), "the broken everseed stopped");
        await(() -> "failed".equals(state(corrupt.infoHash())), "assignment failed");
        await(() -> stoppedEvents(corrupt.infoHash()).contains("file-changed"), "EverseedStopped file-changed in the outbox");
        await(() -> STUBS.announces.stream().anyMatch(q -> q.contains(urlEncoded(corrupt.infoHash()))
                && q.contains("event=stopped")), "stopped announce");
    }

    @Test
    void aBlobThatVanishesStopsItsSeedWithAnEvent() throws Exception {
        Published p = publish(2 * PIECE_LENGTH, -1);
        send(created(p));
        await(() -> registry.contains(p.infoHash()), "everseed started");
        Files.delete(BLOBS.resolve(p.blobKey()));
        await(() -> !registry.contains(p.infoHash()), "the everseed of the vanished blob stopped");
        await(() -> "failed".equals(state(p.infoHash())), "assignment failed");
        await(() -> stoppedEvents(p.infoHash()).contains("file-missing"), "EverseedStopped file-missing in the outbox");
        try (RawPeer peer = new RawPeer(server.port(), Duration.ofSeconds(10))) {
            peer.sendHandshake(p.infoHash());
            assertThat(peer.closedByPeer()).as("no longer served").isTrue();
        }
    }

    @Test
    void aWithdrawnPublicationStopsItsSeedForGoodEvenOnARepeatedTorrentCreated() throws Exception {
        Published p = publish(2 * PIECE_LENGTH + 5, -1);
        TorrentCreated event = created(p);
        send(event);
        await(() -> registry.contains(p.infoHash()), "everseed started");
        try (RawPeer connected = new RawPeer(server.port(), Duration.ofSeconds(10))) {
            connected.sendHandshake(p.infoHash());
            connected.readHandshake();
            connected.readMessage(p.pieces());
            PublicationWithdrawn withdrawn = new PublicationWithdrawn(UUID.randomUUID(), Instant.now(),
                    event.publicationId(), p.infoHash().hex(), null);
            kafka.send(withdrawn.topic(), withdrawn.key(), codec.encode(withdrawn)).get(30, TimeUnit.SECONDS);
            kafka.send(withdrawn.topic(), withdrawn.key(), codec.encode(withdrawn)).get(30, TimeUnit.SECONDS);
            await(() -> !registry.contains(p.infoHash()), "withdrawn everseed stopped");
            connected.send(new Interested());
            assertThat(connected.closedByPeer()).as("a connection to a withdrawn torrent ends").isTrue();
        }
        assertThat(state(p.infoHash())).isEqualTo("withdrawn");
        await(() -> STUBS.announces.stream().anyMatch(q -> q.contains(urlEncoded(p.infoHash()))
                && q.contains("event=stopped")), "stopped announce");
        send(event);                                          // the same event again, as a replay
        kafka.send(Topics.SWARM_EMPTY, p.infoHash().hex(), codec.encode(new SwarmEmpty(UUID.randomUUID(), Instant.now(),
                p.infoHash().hex(), Instant.now()))).get(30, TimeUnit.SECONDS);
        Thread.sleep(3000);
        assertThat(registry.contains(p.infoHash())).as("never seeded again").isFalse();
        assertThat(state(p.infoHash())).isEqualTo("withdrawn");
    }

    private String state(InfoHash infoHash) {
        return db.sql("SELECT state FROM everseed WHERE info_hash = :h").bind("h", infoHash.bytes())
                .map(r -> r.get("state", String.class)).one().block(TIMEOUT);
    }

    private String stoppedEvents(InfoHash infoHash) {
        return String.join(",", db.sql("SELECT convert_from(payload, 'UTF8') AS p FROM outbox WHERE topic = :t AND record_key = :k")
                .bind("t", Topics.EVERSEED_STOPPED).bind("k", infoHash.hex())
                .map(r -> r.get("p", String.class)).all().collectList().block(TIMEOUT));
    }

    /**
     * The same bytes and name published twice give one info_hash, each publication with a blob of its own (the
     * portal deletes a withdrawn publication's blob): withdrawing one moves the everseed to the other's blob and
     * libtorrent still downloads it; withdrawing both stops it; publishing it again seeds it again.
     */
    @Test
    void aTorrentPublishedTwiceIsSeededUntilBothAreWithdrawnAndAgainWhenRepublished() throws Exception {
        Published p = publish(3 * PIECE_LENGTH + 11, -1);
        TorrentCreated first = created(p);
        send(first);
        await(() -> registry.contains(p.infoHash()), "everseed started");
        String secondBlob = copyBlob(p);
        TorrentCreated second = createdFrom(p, secondBlob);
        send(second);
        await(() -> livePublications(p.infoHash()) == 2, "both publications recorded");

        withdraw(first, p);
        Files.delete(BLOBS.resolve(p.blobKey()));            // as the portal does after the withdrawal
        await(() -> servedBlobs(p.infoHash()).equals(List.of(secondBlob)), "the everseed moved to the second blob");
        assertThat(state(p.infoHash())).isEqualTo("active");
        Path torrentFile = Files.write(Files.createTempDirectory("lt-").resolve("t.torrent"), p.torrent());
        libtorrentDownloads(p, torrentFile.toString());

        withdraw(second, p);
        await(() -> !registry.contains(p.infoHash()), "stopped with the last publication");
        assertThat(state(p.infoHash())).isEqualTo("withdrawn");

        String thirdBlob = copyBlob(p);
        send(createdFrom(p, thirdBlob));
        await(() -> servedBlobs(p.infoHash()).equals(List.of(thirdBlob)), "seeded again from the new publication");
        assertThat(state(p.infoHash())).isEqualTo("active");
    }

    private String copyBlob(Published p) throws IOException {
        String key = "it/" + UUID.randomUUID() + ".bin";
        Files.write(BLOBS.resolve(key), p.content());
        return key;
    }

    private static TorrentCreated createdFrom(Published p, String blobKey) {
        TorrentCreated template = created(p);
        return new TorrentCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), template.infoHash(),
                template.name(), template.size(), template.pieceLength(), blobKey, template.torrentUrl(),
                template.magnetUri());
    }

    private void withdraw(TorrentCreated publication, Published p) throws Exception {
        PublicationWithdrawn withdrawn = new PublicationWithdrawn(UUID.randomUUID(), Instant.now(),
                publication.publicationId(), p.infoHash().hex(), null);
        kafka.send(withdrawn.topic(), withdrawn.key(), codec.encode(withdrawn)).get(30, TimeUnit.SECONDS);
    }

    private List<String> servedBlobs(InfoHash infoHash) {
        return registry.find(infoHash).map(t -> t.data().blobKeys()).orElse(List.of());
    }

    private long livePublications(InfoHash infoHash) {
        return db.sql("SELECT count(*) AS n FROM everseed_publication WHERE info_hash = :h AND withdrawn_at IS NULL")
                .bind("h", infoHash.bytes()).map(r -> r.get("n", Long.class)).one().block(TIMEOUT);
    }

    @Test
    void aRestartedInstanceResumesEveryEverseedFromTheTable() throws Exception {
        Published p = seeded();
        Map<String, Object> props = new HashMap<>(properties());
        props.put("spring.config.name", "seed-service");
        props.put("server.port", "0");
        props.put("everseed.seed.peer-port", "0");
        props.put("spring.kafka.listener.auto-startup", "false");
        props.put("everseed.seed.split-by-partitions", "false");   // not in the group: seeds the whole table
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(SeedServiceApplication.class)
                .properties(props).run()) {
            TorrentRegistry resumed = second.getBean(TorrentRegistry.class);
            await(() -> resumed.contains(p.infoHash()), "resumed everseed");
            int port = second.getBean(PeerWireServer.class).port();
            try (RawPeer peer = new RawPeer(port, Duration.ofSeconds(10))) {
                peer.sendHandshake(p.infoHash());
                assertThat(peer.readHandshake().infoHash()).isEqualTo(p.infoHash());
            }
        }
    }

    @Test
    void swarmEmptyForATorrentAssignedHereKeepsItSeededAndUnknownOnesAreSkipped() throws Exception {
        Published p = seeded();
        kafka.send(new SwarmEmpty(UUID.randomUUID(), Instant.now(), p.infoHash().hex(), Instant.now()).topic(),
                p.infoHash().hex(), codec.encode(new SwarmEmpty(UUID.randomUUID(), Instant.now(), p.infoHash().hex(),
                        Instant.now()))).get(30, TimeUnit.SECONDS);
        String unknown = InfoHash.sha1Of(new byte[] {9}).hex();
        SwarmEmpty stray = new SwarmEmpty(UUID.randomUUID(), Instant.now(), unknown, Instant.now());
        kafka.send(stray.topic(), stray.key(), codec.encode(stray)).get(30, TimeUnit.SECONDS);
        Thread.sleep(2000);
        assertThat(registry.contains(p.infoHash())).isTrue();
        assertThat(registry.contains(InfoHash.fromHex(unknown))).isFalse();
    }

    // --- helpers

    private Published publish(int size, int corruptPiece) throws Exception {
        byte[] content = new byte[size];
        new Random().nextBytes(content);
        Path dir = Files.createTempDirectory("seed-src-");
        Path source = Files.write(dir.resolve("everseed-" + UUID.randomUUID() + ".bin"), content);
        Path torrentFile = dir.resolve("out.torrent");
        Process mktorrent = new ProcessBuilder("mktorrent", "-l", "15", "-a", STUBS.baseUrl() + "/announce",
                "-o", torrentFile.toString(), source.toString()).redirectErrorStream(true).start();
        assertThat(mktorrent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(mktorrent.exitValue()).as(new String(mktorrent.getInputStream().readAllBytes())).isZero();
        byte[] torrent = Files.readAllBytes(torrentFile);
        Metainfo metainfo = MetainfoParser.parse(torrent);
        String blobKey = "it/" + UUID.randomUUID() + ".bin";
        Path blob = BLOBS.resolve(blobKey);
        Files.createDirectories(blob.getParent());
        byte[] stored = content.clone();
        if (corruptPiece >= 0) {
            stored[corruptPiece * PIECE_LENGTH + 7] ^= 0x55;
        }
        Files.write(blob, stored);
        STUBS.torrents.put(metainfo.infoHash().hex(), torrent);
        return new Published(content, blobKey, torrent, metainfo, source);
    }

    private static TorrentCreated created(Published p) {
        return new TorrentCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), p.infoHash().hex(),
                p.metainfo().info().name(), p.content().length, PIECE_LENGTH, p.blobKey(),
                "http://localhost:8080/torrents/" + p.infoHash().hex() + ".torrent",
                "magnet:?xt=urn:btih:" + p.infoHash().hex());
    }

    private void send(TorrentCreated event) throws Exception {
        kafka.send(event.topic(), event.key(), codec.encode(event)).get(30, TimeUnit.SECONDS);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(100);
        }
    }

    private static String urlEncoded(InfoHash infoHash) {
        StringBuilder s = new StringBuilder("info_hash=");
        for (byte b : infoHash.bytes()) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                s.append(c);
            } else {
                s.append('%').append(HexFormat.of().withUpperCase().toHexDigits(b));
            }
        }
        return s.toString();
    }

    private String get(String path) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    private static Path script() throws IOException {
        Path script = Files.createTempFile("libtorrent_download", ".py");
        try (var in = SeedServiceIT.class.getResourceAsStream("/libtorrent_download.py")) {
            Files.write(script, in.readAllBytes());
        }
        return script;
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
