package org.everseed.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.MetainfoParser;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.events.EventCodec;
import org.everseed.events.Topics;
import org.everseed.events.TorrentCreated;
import org.everseed.seed.peerwire.PeerWireServer;
import org.everseed.seed.seeding.Everseeds;
import org.everseed.seed.seeding.Ownership;
import org.everseed.seed.session.TorrentRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Two seed-service instances in one consumer group, sharing one {@code everseed} table, against the
 * real embedded Kafka and PostgreSQL: the torrents are split between them by the partitions of
 * {@code TorrentCreated} (each served by exactly its partition's owner, both instances busy), and when
 * one instance stops the other takes over its torrents, so each is always seeded by at least one.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class SeedSplitIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Path BLOBS = tempDir();
    private static final StubHttpServices STUBS = stubs();
    private final EventCodec codec = new EventCodec();

    @AfterAll
    static void stopStubs() {
        STUBS.close();
    }

    @Test
    void twoInstancesSplitTheTorrentsAndTheSurvivorTakesOverAll() throws Exception {
        try (ConfigurableApplicationContext a = instance(); ConfigurableApplicationContext b = instance()) {
            await(() -> owned(a).size() + owned(b).size() == 3 && !owned(a).isEmpty() && !owned(b).isEmpty(),
                    "both instances own partitions");
            int partitions = owned(a).size() + owned(b).size();
            @SuppressWarnings("unchecked")
            KafkaTemplate<String, byte[]> kafka = a.getBean(KafkaTemplate.class);
            List<InfoHash> torrents = new ArrayList<>();
            Set<Integer> covered = new HashSet<>();
            while (covered.size() < partitions || torrents.size() < 4) {      // every partition gets a torrent
                InfoHash h = publish(kafka);
                torrents.add(h);
                covered.add(Ownership.partitionOf(h, partitions));
            }
            for (InfoHash h : torrents) {
                ConfigurableApplicationContext owner = owned(a).contains(Ownership.partitionOf(h, partitions)) ? a : b;
                ConfigurableApplicationContext other = owner == a ? b : a;
                await(() -> registry(owner).contains(h), "the owner of " + h + " seeds it");
                assertThat(registry(other).contains(h)).as("only the owner seeds " + h).isFalse();
                try (RawPeer peer = new RawPeer(owner.getBean(PeerWireServer.class).port(), Duration.ofSeconds(10))) {
                    peer.sendHandshake(h);
                    assertThat(peer.readHandshake().infoHash()).isEqualTo(h);
                }
            }
            assertThat(registry(a).size()).isPositive();
            assertThat(registry(b).size()).isPositive();

            b.close();                                                        // a takes over b's partitions
            await(() -> owned(a).size() == partitions, "the survivor owns every partition");
            for (InfoHash h : torrents) {
                await(() -> registry(a).contains(h), "the survivor seeds " + h);
            }
        }
    }

    private ConfigurableApplicationContext instance() {
        Map<String, Object> p = new HashMap<>(EmbeddedInfrastructure.shared().springProperties("seed_split"));
        p.put("spring.config.name", "seed-service");
        p.put("server.port", "0");
        p.put("everseed.seed.peer-port", "0");
        p.put("everseed.seed.consumer-group", "seed-split-it");
        p.put("everseed.blob-storage.root", BLOBS.toString());
        p.put("everseed.seed.metafile-uri", STUBS.baseUrl());
        p.put("spring.kafka.consumer.properties.session.timeout.ms", "10000");
        p.put("spring.kafka.consumer.properties.heartbeat.interval.ms", "1000");
        p.put("spring.kafka.consumer.properties.max.poll.interval.ms", "60000");
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(SeedServiceApplication.class).run(args);      // args beat seed-service.yml
    }

    private static Set<Integer> owned(ConfigurableApplicationContext c) {
        return c.isActive() ? c.getBean(Everseeds.class).ownership().owned() : Set.of();
    }

    private static TorrentRegistry registry(ConfigurableApplicationContext c) {
        return c.getBean(TorrentRegistry.class);
    }

    /** A random file in blob storage, its .torrent by mktorrent at the stub, and its TorrentCreated sent. */
    private InfoHash publish(KafkaTemplate<String, byte[]> kafka) throws Exception {
        byte[] content = new byte[40_000];
        new Random().nextBytes(content);
        Path dir = Files.createTempDirectory("split-src-");
        Path source = Files.write(dir.resolve("split-" + UUID.randomUUID() + ".bin"), content);
        Path torrentFile = dir.resolve("out.torrent");
        Process mktorrent = new ProcessBuilder("mktorrent", "-l", "15", "-a", STUBS.baseUrl() + "/announce",
                "-o", torrentFile.toString(), source.toString()).redirectErrorStream(true).start();
        assertThat(mktorrent.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(mktorrent.exitValue()).isZero();
        byte[] torrent = Files.readAllBytes(torrentFile);
        Metainfo metainfo = MetainfoParser.parse(torrent);
        String blobKey = "split/" + UUID.randomUUID() + ".bin";
        Files.createDirectories(BLOBS.resolve(blobKey).getParent());
        Files.write(BLOBS.resolve(blobKey), content);
        STUBS.torrents.put(metainfo.infoHash().hex(), torrent);
        String hex = metainfo.infoHash().hex();
        TorrentCreated event = new TorrentCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), hex,
                metainfo.info().name(), content.length, 32768, blobKey, "http://x/t.torrent", "magnet:?xt=urn:btih:" + hex);
        kafka.send(Topics.TORRENT_CREATED, event.key(), codec.encode(event)).get(30, TimeUnit.SECONDS);
        return metainfo.infoHash();
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

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("seed-split-blobs-");
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
