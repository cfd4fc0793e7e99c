package org.everseed.metafile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.MetainfoParser;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.events.EventCodec;
import org.everseed.events.FileUploaded;
import org.everseed.events.PublicationWithdrawn;
import org.everseed.events.Topics;
import org.everseed.events.TorrentCreated;
import org.everseed.events.UploadedFile;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The metafile service against the real embedded Kafka and PostgreSQL: FileUploaded on the broker becomes a
 * torrent row and TorrentCreated on Kafka; the .torrent (hybrid by default, v1 or v2 when asked) is served and
 * libtorrent reads it with the same v1 and v2 info_hashes; a duplicate changes nothing; a missing blob ends on the
 * dead-letter topic with no row; PublicationWithdrawn makes the .torrent, magnet and torrent-behind-the-URL 404;
 * bad requests get 400/404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=metafile-service", "everseed.messaging.retry-backoff=200ms"})
class MetafileServiceIT {
    private static final Path BLOBS = tempDir();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final EventCodec codec = new EventCodec();

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient db;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springProperties("metafile").forEach((k, v) -> registry.add(k, () -> v));
        registry.add("everseed.blob-storage.root", BLOBS::toString);
    }

    @Test
    void fileUploadedBecomesAServedTorrentAndTorrentCreatedOnce() throws Exception {
        byte[] content = new byte[3_000_017];
        new Random(42).nextBytes(content);
        FileUploaded uploaded = upload("report 2026.bin", content, 65536);

        RecordMetadata sent = send(uploaded);
        TorrentCreated created = awaitTorrentCreated(uploaded.publicationId());

        assertThat(created.name()).isEqualTo("report 2026.bin");
        assertThat(created.size()).isEqualTo(content.length);
        assertThat(created.pieceLength()).isEqualTo(65536);
        assertThat(created.blobKey()).isEqualTo(uploaded.blobKey());
        assertThat(created.torrentUrl()).isEqualTo("http://localhost:8080/torrents/" + created.infoHash() + ".torrent");
        assertThat(created.infoHashV2()).hasSize(64);
        assertThat(created.magnetUri()).startsWith("magnet:?xt=urn:btih:" + created.infoHash())
                .contains("&xt=urn:btmh:1220" + created.infoHashV2(), "&dn=report%202026.bin",
                        "&tr=http%3A%2F%2Flocalhost%3A8080%2Fannounce", "&ws=");

        HttpResponse<byte[]> torrent = get("/torrents/" + created.infoHash().toUpperCase() + ".torrent");
        assertThat(torrent.statusCode()).isEqualTo(200);
        assertThat(torrent.headers().firstValue("Content-Type")).contains("application/x-bittorrent");
        assertThat(torrent.headers().firstValue("Content-Disposition").orElseThrow())
                .startsWith("attachment;").contains("report%202026.bin.torrent");
        Metainfo parsed = MetainfoParser.parse(torrent.body());
        assertThat(parsed.infoHash().hex()).isEqualTo(created.infoHash());
        assertThat(parsed.infoHashV2().orElseThrow().hex()).isEqualTo(created.infoHashV2());
        assertThat(parsed.format()).isEqualTo(org.everseed.bittorrent.metainfo.TorrentFormat.HYBRID);
        assertThat(parsed.urlList()).containsExactly(uploaded.fileUrl());
        assertThat(parsed.announce()).contains("http://localhost:8080/announce");
        assertThat(parsed.createdBy()).contains("Everseed 0.1");
        assertThat(parsed.creationDate()).isPresent();

        Path file = Files.createTempFile("served", ".torrent");
        Files.write(file, torrent.body());
        String libtorrent = run("/usr/bin/python3", "-c", "import sys, libtorrent as lt; t = lt.torrent_info(sys.argv[1]);"
                + " print(t.info_hashes().v1, t.info_hashes().v2, t.name(), t.total_size(), t.piece_length(), t.num_pieces())",
                file.toString());
        assertThat(libtorrent.strip()).isEqualTo(created.infoHash() + " " + created.infoHashV2() + " report 2026.bin "
                + content.length + " 65536 46");
        assertThat(get("/torrents/" + created.infoHashV2().toUpperCase() + ".torrent").body()).isEqualTo(torrent.body());

        assertThat(new String(get("/torrents/" + created.infoHash() + "/magnet").body(), StandardCharsets.UTF_8))
                .isEqualTo(created.magnetUri());
        String summary = new String(get("/api/v1/torrents/" + created.infoHash()).body(), StandardCharsets.UTF_8);
        assertThat(summary).contains("\"publicationId\":\"" + uploaded.publicationId() + "\"").contains("\"pieceCount\":46");
        assertThat(new String(get("/api/v1/torrents?publicationId=" + uploaded.publicationId()).body(), StandardCharsets.UTF_8))
                .contains("\"infoHash\":\"" + created.infoHash() + "\"");

        // The same event again, and the same publication under a new event id: nothing new.
        send(uploaded);
        FileUploaded again = new FileUploaded(UUID.randomUUID(), Instant.now(), uploaded.publicationId(), uploaded.name(),
                uploaded.size(), uploaded.sha256(), uploaded.blobKey(), uploaded.fileUrl(), null);
        RecordMetadata last = send(again);
        awaitConsumed(last);
        awaitOutboxDrained();
        assertThat(countRows(uploaded.publicationId())).isEqualTo(1);
        assertThat(allTorrentCreated(uploaded.publicationId())).hasSize(1);
        assertThat(sent.offset()).isLessThan(last.offset());
    }

    @Test
    void theFormatIsChosenPerPublication() throws Exception {
        byte[] content = new byte[200_000];
        new Random(3).nextBytes(content);
        for (String format : List.of("v1", "v2")) {
            FileUploaded plain = upload("f.bin", content, null);
            FileUploaded uploaded = new FileUploaded(plain.eventId(), plain.occurredAt(), plain.publicationId(), plain.name(),
                    plain.size(), plain.sha256(), plain.blobKey(), plain.fileUrl(), 16384, format);
            send(uploaded);
            TorrentCreated created = awaitTorrentCreated(uploaded.publicationId());
            Metainfo parsed = MetainfoParser.parse(get("/torrents/" + created.infoHash() + ".torrent").body());
            assertThat(parsed.format().wireName()).isEqualTo(format);
            if (format.equals("v1")) {
                assertThat(parsed.urlList()).containsExactly(uploaded.fileUrl());
                assertThat(created.infoHashV2()).isNull();
                assertThat(created.magnetUri()).doesNotContain("btmh");
            } else {
                assertThat(created.infoHash()).isEqualTo(created.infoHashV2().substring(0, 40));
                assertThat(created.magnetUri()).startsWith("magnet:?xt=urn:btmh:1220" + created.infoHashV2()).doesNotContain("btih");
                assertThat(parsed.pieceLayers().size()).isEqualTo(1);
                assertThat(parsed.urlList()).containsExactly("http://localhost:8080/files/" + uploaded.publicationId() + "/");
            }
        }
    }

    @Test
    void aMultiFilePublicationBecomesTheSameHybridTorrentAsLibtorrentMakes() throws Exception {
        UUID publication = UUID.randomUUID();
        Path dir = Files.createTempDirectory("multi").resolve("pack");
        Map<String, Integer> sizes = Map.of("b.bin", 70_000, "a/z.txt", 5, "empty", 0);
        List<UploadedFile> files = new ArrayList<>();
        Random random = new Random(9);
        for (Map.Entry<String, Integer> e : sizes.entrySet()) {
            byte[] data = new byte[e.getValue()];
            random.nextBytes(data);
            Path file = dir.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.write(file, data);
            String key = "it/" + publication + "/" + e.getKey().replace('/', '_');
            Files.createDirectories(BLOBS.resolve(key).getParent());
            Files.write(BLOBS.resolve(key), data);
            files.add(new UploadedFile(List.of(e.getKey().split("/")), data.length,
                    HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data)), key));
        }
        FileUploaded uploaded = new FileUploaded(UUID.randomUUID(), Instant.now(), publication, "pack", 70_005, "0".repeat(64),
                "it/" + publication, "http://localhost:8080/files/" + publication + "/", 16384, "hybrid", files);
        send(uploaded);
        TorrentCreated created = awaitTorrentCreated(publication);
        assertThat(created.files()).as("a seeder learns each file's blob").isEqualTo(files);
        Metainfo parsed = MetainfoParser.parse(get("/torrents/" + created.infoHash() + ".torrent").body());
        assertThat(parsed.info().multiFile()).isTrue();
        assertThat(parsed.info().contentFiles()).extracting(f -> String.join("/", f.path()))
                .containsExactly("a/z.txt", "b.bin", "empty");
        assertThat(parsed.urlList()).containsExactly(uploaded.fileUrl());
        // The torrent behind a multi-file publication is always the .torrent, whatever its size.
        assertThat(get("/torrents/by-publication/" + publication).headers().firstValue("Content-Type"))
                .contains("application/x-bittorrent");

        String libtorrent = run("/usr/bin/python3", "-c", "import sys, libtorrent as lt\n"
                + "fs = lt.file_storage(); lt.add_files(fs, sys.argv[1])\n"
                + "t = lt.create_torrent(fs, 16384, flags=0); lt.set_piece_hashes(t, sys.argv[2])\n"
                + "h = lt.torrent_info(t.generate()).info_hashes(); print(h.v1, h.v2)", dir.toString(), dir.getParent().toString());
        assertThat(libtorrent.strip()).isEqualTo(created.infoHash() + " " + created.infoHashV2());
    }

    @Test
    void theTorrentBehindAPublicationIsServedUntilItIsWithdrawn() throws Exception {
        byte[] big = new byte[1_500_000];
        new Random(5).nextBytes(big);
        FileUploaded large = upload("big.bin", big, null);
        byte[] small = "small file".getBytes(StandardCharsets.UTF_8);
        FileUploaded little = upload("small.txt", small, null);
        send(large);
        send(little);
        TorrentCreated created = awaitTorrentCreated(large.publicationId());
        awaitTorrentCreated(little.publicationId());

        HttpResponse<byte[]> torrent = get("/torrents/by-publication/" + large.publicationId());
        assertThat(torrent.statusCode()).isEqualTo(200);
        assertThat(torrent.headers().firstValue("Content-Type")).contains("application/x-bittorrent");
        assertThat(torrent.headers().firstValue("Vary")).contains("Accept");
        assertThat(torrent.headers().firstValue("Content-Disposition").orElseThrow()).contains("big.bin.torrent");
        assertThat(MetainfoParser.parse(torrent.body()).infoHash().hex()).isEqualTo(created.infoHash());

        HttpResponse<byte[]> file = get("/torrents/by-publication/" + little.publicationId());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).contains("application/octet-stream");
        assertThat(file.headers().firstValue("Vary")).contains("Accept");
        assertThat(file.body()).isEqualTo(small);

        assertThat(get("/torrents/by-publication/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
        assertThat(get("/torrents/by-publication/nope").statusCode()).isEqualTo(400);

        PublicationWithdrawn withdrawn = new PublicationWithdrawn(UUID.randomUUID(), Instant.now(), large.publicationId(),
                created.infoHash(), created.infoHashV2());
        kafka.send(Topics.PUBLICATION_WITHDRAWN, withdrawn.key(), codec.encode(withdrawn)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (get("/torrents/" + created.infoHash() + ".torrent").statusCode() != 404) {
            assertThat(System.nanoTime()).as("withdrawn within %s", TIMEOUT).isLessThan(deadline);
            Thread.sleep(200);
        }
        for (String path : List.of("/torrents/" + created.infoHashV2() + ".torrent", "/torrents/" + created.infoHash() + "/magnet",
                "/torrents/by-publication/" + large.publicationId(), "/api/v1/torrents/" + created.infoHash())) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(countRows(large.publicationId())).isEqualTo(1);

        // Withdrawn before its torrent is made: none is made.
        FileUploaded early = upload("early.bin", small, null);
        PublicationWithdrawn first = new PublicationWithdrawn(UUID.randomUUID(), Instant.now(), early.publicationId(), null, null);
        kafka.send(Topics.PUBLICATION_WITHDRAWN, first.key(), codec.encode(first)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        awaitWithdrawn(early.publicationId());
        awaitConsumed(send(early));
        assertThat(countRows(early.publicationId())).isZero();
    }

    private void awaitWithdrawn(UUID publication) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (db.sql("SELECT count(*) AS n FROM withdrawals WHERE publication_id = :p").bind("p", publication)
                .map(r -> r.get("n", Long.class)).one().block(TIMEOUT) == 0) {
            assertThat(System.nanoTime()).as("withdrawal recorded within %s", TIMEOUT).isLessThan(deadline);
            Thread.sleep(200);
        }
    }

    @Test
    void aMissingBlobIsRetriedThenDeadLetteredWithoutARow() throws Exception {
        UUID publication = UUID.randomUUID();
        FileUploaded uploaded = new FileUploaded(UUID.randomUUID(), Instant.now(), publication, "gone.bin", 10,
                "0".repeat(64), "it/missing-" + publication + ".bin", "http://localhost:8080/files/" + publication + "/gone.bin", null);
        send(uploaded);
        awaitRecord(Topics.deadLetterOf(Topics.FILE_UPLOADED), publication.toString());
        assertThat(countRows(publication)).isZero();
        assertThat(get("/api/v1/torrents?publicationId=" + publication).body()).asString(StandardCharsets.UTF_8).isEqualTo("[]");
    }

    @Test
    void badRequestsGet400AndUnknownTorrents404() throws Exception {
        for (String path : List.of("/torrents/xyz.torrent", "/torrents/" + "g".repeat(40) + ".torrent",
                "/torrents/abc/magnet", "/api/v1/torrents/123", "/api/v1/torrents?publicationId=nope", "/api/v1/torrents")) {
            HttpResponse<byte[]> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(400);
            assertThat(new String(r.body(), StandardCharsets.UTF_8)).as(path).contains("\"status\":400");
        }
        String unknown = "00".repeat(20);
        for (String path : List.of("/torrents/" + unknown + ".torrent", "/torrents/" + unknown + "/magnet",
                "/api/v1/torrents/" + unknown)) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
    }

    private FileUploaded upload(String name, byte[] content, Integer pieceLength) throws Exception {
        UUID publication = UUID.randomUUID();
        String key = "it/" + publication + ".bin";
        Files.createDirectories(BLOBS.resolve("it"));
        Files.write(BLOBS.resolve(key), content);
        String sha256 = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        return new FileUploaded(UUID.randomUUID(), Instant.now(), publication, name, content.length, sha256, key,
                "http://localhost:8080/files/" + publication + "/report%202026.bin", pieceLength);
    }

    private RecordMetadata send(FileUploaded event) throws Exception {
        return kafka.send(Topics.FILE_UPLOADED, event.key(), codec.encode(event))
                .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).getRecordMetadata();
    }

    private TorrentCreated awaitTorrentCreated(UUID publication) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            List<TorrentCreated> found = allTorrentCreated(publication);
            if (!found.isEmpty()) {
                return found.getFirst();
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no TorrentCreated for " + publication + " within " + TIMEOUT);
    }

    /** Every TorrentCreated of {@code publication} now on the topic, read to its end. */
    private List<TorrentCreated> allTorrentCreated(UUID publication) {
        List<TorrentCreated> found = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> r : readAll(Topics.TORRENT_CREATED)) {
            TorrentCreated e = codec.decode(r.value(), TorrentCreated.class);
            if (e.publicationId().equals(publication)) {
                assertThat(r.key()).isEqualTo(e.infoHash());
                found.add(e);
            }
        }
        return found;
    }

    private void awaitRecord(String topic, String key) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (readAll(topic).stream().anyMatch(r -> key.equals(r.key()))) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no record " + key + " on " + topic + " within " + TIMEOUT);
    }

    private List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.shared().kafkaBootstrapServers());
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, TIMEOUT) < end.get(p))) {
                assertThat(System.nanoTime()).as("reading %s to its end", topic).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** Waits until the service's consumer group has committed past {@code record}. */
    private void awaitConsumed(RecordMetadata record) throws Exception {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                EmbeddedInfrastructure.shared().kafkaBootstrapServers()))) {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets("metafile-service")
                        .partitionsToOffsetAndMetadata().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).get(partition);
                if (committed != null && committed.offset() > record.offset()) {
                    return;
                }
                Thread.sleep(200);
            }
        }
        throw new AssertionError("metafile-service did not consume offset " + record.offset() + " within " + TIMEOUT);
    }

    private void awaitOutboxDrained() throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            Long pending = db.sql("SELECT count(*) AS n FROM outbox WHERE published_at IS NULL")
                    .map(r -> r.get("n", Long.class)).one().block(TIMEOUT);
            if (pending != null && pending == 0) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("outbox not drained within " + TIMEOUT);
    }

    private long countRows(UUID publication) {
        return db.sql("SELECT count(*) AS n FROM torrents WHERE publication_id = :p").bind("p", publication)
                .map(r -> r.get("n", Long.class)).one().block(TIMEOUT);
    }

    private HttpResponse<byte[]> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean done = p.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(done).as("%s finished", command[0]).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("metafile-blobs");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
