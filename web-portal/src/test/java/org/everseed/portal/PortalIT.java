package org.everseed.portal;

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
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.events.EventCodec;
import org.everseed.events.FileUploaded;
import org.everseed.events.PlatformEvent;
import org.everseed.events.PublicationWithdrawn;
import org.everseed.events.Topics;
import org.everseed.events.TorrentCreated;
import org.everseed.messaging.EventPublisher;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The portal against the real embedded Kafka and PostgreSQL: an upload lands in blob storage, the
 * table and the FileUploaded topic; TorrentCreated publishes it; files answer Range requests; bad
 * uploads leave nothing behind.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.config.name=web-portal", "everseed.portal.max-upload-size=4MB"})
class PortalIT {
    private static final Path BLOBS = tempDir();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @LocalServerPort
    int port;
    @Autowired
    DatabaseClient db;
    @Autowired
    EventPublisher publisher;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springProperties("portal").forEach((k, v) -> registry.add(k, () -> v));
        registry.add("everseed.blob-storage.root", BLOBS::toString);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("portal-blobs");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void uploadStoresTheFileRecordsItAndEmitsFileUploaded() throws Exception {
        byte[] content = new byte[1_500_000];
        new Random(7).nextBytes(content);
        HttpResponse<String> created = upload("file", "report 2026.bin", content, "?format=v2&pieceLength=32768");
        assertThat(created.statusCode()).isEqualTo(201);
        String id = field(created.body(), "id");
        assertThat(field(created.body(), "sha256")).isEqualTo(sha256(content));
        assertThat(field(created.body(), "state")).isEqualTo("UPLOADED");
        assertThat(field(created.body(), "fileUrl")).isEqualTo("http://localhost:8080/files/" + id + "/report%202026.bin");

        FileUploaded event = awaitFileUploaded(UUID.fromString(id));
        assertThat(event.size()).isEqualTo(content.length);
        assertThat(event.format()).isEqualTo("v2");
        assertThat(event.pieceLength()).isEqualTo(32768);
        assertThat(event.sha256()).isEqualTo(sha256(content));
        assertThat(Files.size(BLOBS.resolve(event.blobKey()))).isEqualTo(content.length);

        HttpResponse<byte[]> range = http.send(HttpRequest.newBuilder(local("/files/" + id + "/report%202026.bin"))
                .header("Range", "bytes=100-199").timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).containsExactly(java.util.Arrays.copyOfRange(content, 100, 200));
        assertThat(range.headers().firstValue("Content-Range")).contains("bytes 100-199/" + content.length);
        HttpResponse<byte[]> whole = http.send(HttpRequest.newBuilder(local("/files/" + id + "/report%202026.bin"))
                .timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(whole.body()).isEqualTo(content);
        assertThat(http.send(HttpRequest.newBuilder(local("/files/" + id + "/other.bin")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);

        String hash = "0123456789abcdef0123456789abcdef" + id.substring(0, 8);
        publisher.publish(new TorrentCreated(UUID.randomUUID(), Instant.now(), UUID.fromString(id), hash, "report 2026.bin",
                content.length, 65536, event.blobKey(), "http://localhost:8080/torrents/" + hash + ".torrent",
                "magnet:?xt=urn:btih:" + hash)).block(TIMEOUT);
        String view = awaitState(id, "PUBLISHED");
        assertThat(field(view, "infoHash")).isEqualTo(hash);
        assertThat(field(view, "torrentUrl")).endsWith(hash + ".torrent");
    }

    @Test
    void withdrawingMakesTheFileAnswer404AndTellsTheOtherServices() throws Exception {
        HttpResponse<String> created = upload("file", "gone.bin", new byte[] {1, 2, 3}, "");
        String id = field(created.body(), "id");
        URI file = local("/files/" + id + "/gone.bin");
        assertThat(http.send(HttpRequest.newBuilder(file).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(200);
        assertThat(delete("/api/v1/publications/" + id)).isEqualTo(204);
        assertThat(http.send(HttpRequest.newBuilder(file).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                .isEqualTo(404);
        PublicationWithdrawn event = awaitEvent(Topics.PUBLICATION_WITHDRAWN, PublicationWithdrawn.class, UUID.fromString(id));
        assertThat(event.infoHash()).isNull();
        assertThat(field(http.send(HttpRequest.newBuilder(local("/api/v1/publications/" + id)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString()).body(), "state")).isEqualTo("WITHDRAWN");
        assertThat(delete("/api/v1/publications/" + id)).isEqualTo(204);
        assertThat(delete("/api/v1/publications/" + UUID.randomUUID())).isEqualTo(404);
    }

    @Test
    void severalFilesMakeOneMultiFilePublicationServedFileByFile() throws Exception {
        long blobsBefore = countBlobs();
        String boundary = "multi-" + UUID.randomUUID();
        byte[] body = (part(boundary, "file", "release/bin/app", "app-bytes")
                + part(boundary, "file", "release/README.txt", "read me")
                + part(boundary, "file", "release/empty.dat", "")
                + "--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(local("/api/v1/publications?format=hybrid"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = field(created.body(), "id");
        assertThat(field(created.body(), "name")).isEqualTo("release");
        assertThat(db.sql("SELECT count(*) AS n FROM publication_files WHERE publication_id = :id").bind("id", UUID.fromString(id))
                .map(r -> r.get("n", Long.class)).one().block(TIMEOUT)).as("file rows").isEqualTo(3);
        assertThat(field(created.body(), "fileUrl")).as(created.body()).isEqualTo("http://localhost:8080/files/" + id + "/");
        assertThat(created.body()).contains("\"path\":\"bin/app\"").contains("\"path\":\"README.txt\"");

        FileUploaded event = awaitFileUploaded(UUID.fromString(id));
        assertThat(event.size()).isEqualTo("app-bytes".length() + "read me".length());
        assertThat(event.files()).extracting(f -> String.join("/", f.path())).containsExactly("bin/app", "README.txt", "empty.dat");
        String manifest = sha256("read me".getBytes(StandardCharsets.UTF_8)) + "  README.txt\n"
                + sha256("app-bytes".getBytes(StandardCharsets.UTF_8)) + "  bin/app\n" + sha256(new byte[0]) + "  empty.dat\n";
        assertThat(event.sha256()).isEqualTo(sha256(manifest.getBytes(StandardCharsets.UTF_8)));

        HttpResponse<String> one = http.send(HttpRequest.newBuilder(local("/files/" + id + "/release/bin/app"))
                .header("Range", "bytes=4-").timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(one.statusCode()).isEqualTo(206);
        assertThat(one.body()).isEqualTo("bytes");
        assertThat(http.send(HttpRequest.newBuilder(local("/files/" + id + "/release/nope")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);

        assertThat(delete("/api/v1/publications/" + id)).isEqualTo(204);
        assertThat(http.send(HttpRequest.newBuilder(local("/files/" + id + "/release/README.txt")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
        assertThat(countBlobs()).isEqualTo(blobsBefore);

        String dup = "dup-" + UUID.randomUUID();
        byte[] duplicates = (part(dup, "file", "a/x", "1") + part(dup, "file", "a/x", "2") + "--" + dup + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(local("/api/v1/publications"))
                .header("Content-Type", "multipart/form-data; boundary=" + dup)
                .POST(HttpRequest.BodyPublishers.ofByteArray(duplicates)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("two files have the path");
        assertThat(countBlobs()).isEqualTo(blobsBefore);
    }

    @Test
    void anUploadedArchiveIsUnpackedIntoAMultiFilePublicationAndAHostileOneLeavesNothing() throws Exception {
        long blobsBefore = countBlobs();
        HttpResponse<String> created = upload("file", "site.zip", zip(Map.of("site/index.html", "<h1>hi</h1>",
                "site/css/a.css", "body{}")), "?unpack=true");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = field(created.body(), "id");
        assertThat(field(created.body(), "name")).isEqualTo("site");
        FileUploaded event = awaitFileUploaded(UUID.fromString(id));
        assertThat(event.files()).extracting(f -> String.join("/", f.path())).containsExactlyInAnyOrder("index.html", "css/a.css");
        assertThat(http.send(HttpRequest.newBuilder(local("/files/" + id + "/site/css/a.css")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("body{}");
        assertThat(countBlobs()).as("the archive itself is not kept").isEqualTo(blobsBefore + 2);

        HttpResponse<String> slip = upload("file", "evil.zip", zip(Map.of("ok.txt", "fine", "../../etc/evil", "x")), "?unpack=true");
        assertThat(slip.statusCode()).isEqualTo(400);
        assertThat(slip.body()).contains("unusable component");
        HttpResponse<String> notArchive = upload("file", "plain.bin", new byte[] {1}, "?unpack=true");
        assertThat(notArchive.statusCode()).isEqualTo(400);
        assertThat(countBlobs()).isEqualTo(blobsBefore + 2);
    }

    private static byte[] zip(Map<String, String> entries) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : new java.util.TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static String part(String boundary, String name, String filename, String content) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + content + "\r\n";
    }

    private int delete(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(local(path)).DELETE().timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void badUploadsGetA4xxAndLeaveNothing() throws Exception {
        long rows = countRows();
        long blobs = countBlobs();
        assertThat(upload("notfile", "a.bin", new byte[10], "").statusCode()).isEqualTo(400);
        assertThat(upload("file", "empty.bin", new byte[0], "").statusCode()).isEqualTo(400);
        assertThat(upload("file", "big.bin", new byte[5 * 1024 * 1024], "").statusCode()).isEqualTo(413);
        assertThat(upload("file", "a.bin", new byte[10], "?pieceLength=1000").statusCode()).isEqualTo(400);
        assertThat(upload("file", "a.bin", new byte[10], "?format=v3").statusCode()).isEqualTo(400);
        // A truncated multipart body: the closing boundary never comes.
        String boundary = "truncated-boundary";
        byte[] truncated = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"t.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(5000)).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(local("/api/v1/publications"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(truncated)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("incomplete");
        assertThat(countRows()).isEqualTo(rows);
        assertThat(countBlobs()).isEqualTo(blobs);
        assertThat(http.send(HttpRequest.newBuilder(local("/api/v1/publications/" + UUID.randomUUID())).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(404);
    }

    @Test
    void theHtmlFormPublishesAndThePageShowsTheLinks() throws Exception {
        String boundary = "form-" + UUID.randomUUID();
        byte[] body = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"format\"\r\n\r\nhybrid\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"form.txt\"\r\n"
                + "Content-Type: text/plain\r\n\r\nhello from a browser\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(local("/publications"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(303);
        String location = posted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/publications/[0-9a-f-]{36}");
        String id = location.substring("/publications/".length());
        assertThat(awaitFileUploaded(UUID.fromString(id)).format()).isEqualTo("hybrid");
        String pending = http.send(HttpRequest.newBuilder(local(location)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body();
        assertThat(pending).contains("form.txt").contains("http-equiv=\"refresh\"").contains("/files/" + id + "/form.txt");

        String hash = "fedcba9876543210fedcba9876543210" + id.substring(0, 8);
        publisher.publish(new TorrentCreated(UUID.randomUUID(), Instant.now(), UUID.fromString(id), hash, "form.txt", 20, 16384,
                "x", "http://localhost:8080/torrents/" + hash + ".torrent", "magnet:?xt=urn:btih:" + hash)).block(TIMEOUT);
        awaitState(id, "PUBLISHED");
        // Attribute values as a browser reads them: Mustache escapes '=' and '&' as entities.
        String page = http.send(HttpRequest.newBuilder(local(location)).timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString())
                .body().replace("&#x3D;", "=").replace("&amp;", "&");
        assertThat(page).contains("href=\"http://localhost:8080/torrents/" + hash + ".torrent\"")
                .contains("href=\"magnet:?xt=urn:btih:" + hash + "\"")
                .doesNotContain("http-equiv=\"refresh\"");

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(local("/publications"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString("--" + boundary + "\r\nContent-Disposition: form-data; name=\"other\"\r\n\r\n"
                        + "x\r\n--" + boundary + "--\r\n")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("no part named");
    }

    @Test
    void theUploadPageIsPlainHtml() throws Exception {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(local("/")).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<form method=\"post\" action=\"/publications\" enctype=\"multipart/form-data\">")
                .contains("name=\"file\"");
    }

    private HttpResponse<String> upload(String part, String filename, byte[] content, String query) throws Exception {
        String boundary = "everseed-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII);
        return http.send(HttpRequest.newBuilder(local("/api/v1/publications" + query))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail)))
                        .timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private FileUploaded awaitFileUploaded(UUID publicationId) {
        return awaitEvent(Topics.FILE_UPLOADED, FileUploaded.class, publicationId);
    }

    private <T extends PlatformEvent> T awaitEvent(String topic, Class<T> type, UUID publicationId) {
        EventCodec codec = new EventCodec();
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "portal-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.key().equals(publicationId.toString())) {
                        return codec.decode(r.value(), type);
                    }
                }
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " for " + publicationId + " within " + TIMEOUT);
    }

    private String awaitState(String id, String state) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        String body = "";
        while (System.nanoTime() < deadline) {
            body = http.send(HttpRequest.newBuilder(local("/api/v1/publications/" + id)).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (state.equals(field(body, "state"))) {
                return body;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("publication " + id + " never reached " + state + ": " + body);
    }

    private long countRows() {
        return db.sql("SELECT count(*) AS n FROM publications").map(r -> r.get("n", Long.class)).one().block(TIMEOUT);
    }

    private long countBlobs() throws IOException {
        try (var files = Files.walk(BLOBS)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private URI local(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String field(String json, String name) {
        var m = java.util.regex.Pattern.compile("\"" + name + "\":(\"([^\"]*)\"|null|[0-9]+)").matcher(json);
        if (!m.find()) {
            throw new AssertionError("no " + name + " in " + json);
        }
        return m.group(2) != null ? m.group(2) : m.group(1);
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
