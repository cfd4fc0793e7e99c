package org.everseed.tracker;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import org.everseed.bittorrent.tracker.Peer;
import org.everseed.bittorrent.tracker.PeerAddress;
import org.everseed.bittorrent.tracker.ScrapeRequest;
import org.everseed.bittorrent.tracker.ScrapeStats;
import org.everseed.bittorrent.tracker.TrackerFailureException;
import org.everseed.bittorrent.tracker.http.AnnounceQueryEncoder;
import org.everseed.bittorrent.tracker.http.AnnounceResponseDecoder;
import org.everseed.bittorrent.tracker.http.ScrapeQueryEncoder;
import org.everseed.bittorrent.tracker.http.ScrapeResponseDecoder;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.events.EventCodec;
import org.everseed.events.SwarmEmpty;
import org.everseed.events.Topics;
import org.everseed.events.TorrentCreated;
import org.everseed.messaging.EventPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The tracker against the real embedded Kafka and PostgreSQL, over real HTTP: TorrentCreated on the
 * broker registers a torrent, peers find each other in compact form, bad requests get a failure reason
 * and never a 5xx, completed downloads are counted and persisted, SwarmEmpty reaches the broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=tracker-service",
        "everseed.tracker.swarm-empty-after=1s",
        "everseed.tracker.sweep-interval=200ms",
        "everseed.tracker.stats-interval=1s",
        "everseed.tracker.udp-port=0",
        "everseed.messaging.outbox-poll-interval=100ms"})
@Timeout(120)
class TrackerServiceIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;
    @Autowired
    EventPublisher publisher;
    @Autowired
    EventCodec codec;
    @Autowired
    DatabaseClient db;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springProperties("tracker").forEach((k, v) -> registry.add(k, () -> v));
    }

    @Test
    void aRegisteredTorrentsPeersFindEachOtherInCompactForm() throws Exception {
        InfoHash hash = registerAndWait();
        PeerId seeder = PeerId.generate("-ES0010-");
        PeerId leecher = PeerId.generate("-TR4000-");

        AnnounceResponse first = announce(AnnounceRequest.of(hash, seeder, 7001, 0, 0, 0, AnnounceEvent.STARTED));
        assertThat(first.peers()).isEmpty();
        assertThat(first.complete()).hasValue(1);

        AnnounceResponse second = announce(AnnounceRequest.of(hash, leecher, 7002, 0, 0, 500, AnnounceEvent.STARTED));
        assertThat(second.peers()).containsExactly(Peer.of(PeerAddress.of(new byte[] {127, 0, 0, 1}, 7001)));
        assertThat(second.complete()).hasValue(1);
        assertThat(second.incomplete()).hasValue(1);
        assertThat(second.interval()).isBetween(900, 960); // 15 min plus up to 1 min of jitter
        assertThat(second.minInterval()).hasValue(60);

        // the seeder gets the leecher, and never itself
        AnnounceResponse again = announce(AnnounceRequest.of(hash, seeder, 7001, 0, 0, 0, AnnounceEvent.NONE));
        assertThat(again.peers()).containsExactly(Peer.of(PeerAddress.of(new byte[] {127, 0, 0, 1}, 7002)));
    }

    @Test
    void completedDownloadsAreCountedOncePersistedAndScraped() throws Exception {
        InfoHash hash = registerAndWait();
        PeerId a = PeerId.generate("-AA0001-");
        PeerId b = PeerId.generate("-BB0001-");
        announce(AnnounceRequest.of(hash, a, 7101, 0, 0, 10, AnnounceEvent.STARTED));
        announce(AnnounceRequest.of(hash, b, 7102, 0, 0, 10, AnnounceEvent.STARTED));
        announce(AnnounceRequest.of(hash, a, 7101, 0, 10, 0, AnnounceEvent.COMPLETED));
        announce(AnnounceRequest.of(hash, a, 7101, 0, 10, 0, AnnounceEvent.COMPLETED));

        RawHttp.Response scrape = RawHttp.get(port, "/scrape?" + ScrapeQueryEncoder.encode(
                new ScrapeRequest(List.of(hash, InfoHash.fromHex("00".repeat(20))))));
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(ScrapeResponseDecoder.decode(scrape.body()).files())
                .containsExactly(Map.entry(hash, new ScrapeStats(1, 1, 1)));
        Long stored = db.sql("SELECT completed FROM torrent WHERE info_hash = :h").bind("h", hash.bytes())
                .map((row, meta) -> row.get("completed", Long.class)).one().block(TIMEOUT);
        assertThat(stored).isEqualTo(1L);

        announce(AnnounceRequest.of(hash, b, 7102, 0, 0, 10, AnnounceEvent.STOPPED));
        assertThat(ScrapeResponseDecoder.decode(RawHttp.get(port, "/scrape?" + ScrapeQueryEncoder.encode(
                new ScrapeRequest(List.of(hash)))).body()).files()).containsEntry(hash, new ScrapeStats(1, 1, 0));
    }

    @Test
    void keepAliveAndPipelinedRequestsAreAnsweredInOrderEvenWhileACompletionIsPersisted() throws Exception {
        InfoHash hash = registerAndWait();
        PeerId a = PeerId.generate("-KA0001-");
        PeerId b = PeerId.generate("-KB0001-");
        String scrape = "/scrape?" + ScrapeQueryEncoder.encode(new ScrapeRequest(List.of(hash)));
        List<RawHttp.Response> answers = RawHttp.pipelined(port,
                "/announce?" + AnnounceQueryEncoder.encode(AnnounceRequest.of(hash, a, 7401, 0, 0, 0, AnnounceEvent.STARTED)),
                // answered only after PostgreSQL has the completed download: later than the scrape could be
                "/announce?" + AnnounceQueryEncoder.encode(AnnounceRequest.of(hash, b, 7402, 0, 9, 0, AnnounceEvent.COMPLETED)),
                scrape,
                "/announce?" + AnnounceQueryEncoder.encode(AnnounceRequest.of(hash, a, 7401, 0, 0, 0, AnnounceEvent.STOPPED)));
        assertThat(answers).extracting(RawHttp.Response::status).containsExactly(200, 200, 200, 200);
        assertThat(AnnounceResponseDecoder.decode(answers.get(0).body()).complete()).hasValue(1);
        AnnounceResponse completed = AnnounceResponseDecoder.decode(answers.get(1).body());
        assertThat(completed.complete()).hasValue(2);
        assertThat(completed.peers()).isEmpty(); // a seeder gets leechers only, and there are none
        assertThat(ScrapeResponseDecoder.decode(answers.get(2).body()).files())
                .containsExactly(Map.entry(hash, new ScrapeStats(2, 1, 0)));
        assertThat(AnnounceResponseDecoder.decode(answers.get(3).body()).complete()).hasValue(1);
    }

    @Test
    void badAnnouncesGetAFailureReasonAndNeverA5xx() throws Exception {
        String hash = "%124Vx%9A%BC%DE%F1%23Eg%89%AB%CD%EF%124Vx%9A";
        String peer = "&peer_id=-TR2940-k8hj0wgej6ch";
        Map<String, String> cases = Map.of(
                "/announce", "missing info_hash",
                "/announce?peer_id=-TR2940-k8hj0wgej6ch&port=1&left=0", "missing info_hash",
                "/announce?info_hash=%12%34" + peer + "&port=1&left=0", "info_hash must be 20 bytes, got 2",
                "/announce?info_hash=" + hash + peer + "&port=0&left=0", "port must be 1..65535",
                "/announce?info_hash=" + hash + peer + "&port=70000&left=0", "port must be 1..65535",
                "/announce?info_hash=" + hash + peer + "&port=1&left=0&event=exploded", "unknown event",
                "/announce?info_hash=" + hash + peer + "&port=1&left=0&numwant=999999999999999999999", "digits",
                "/announce?%00%ff%fe=&&&===", "missing info_hash",
                "/announce?info_hash=" + hash + peer + "&port=1&left=0", "unregistered torrent",
                "/scrape", "full scrape not supported");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            RawHttp.Response r = RawHttp.get(port, c.getKey());
            assertThat(r.status()).as(c.getKey()).isEqualTo(200);
            assertThat(r.text()).as(c.getKey()).startsWith("d14:failure reason").contains(c.getValue());
        }
        RawHttp.Response huge = RawHttp.get(port, "/announce?x=" + "a".repeat(3000));
        assertThat(huge.status()).isEqualTo(200);
        assertThat(huge.text()).contains("query longer than");
    }

    @Test
    void malformedEscapesAndRawCharactersGetTheParsersFailureReason() throws Exception {
        Map<String, String> cases = Map.of(
                "/announce?info_hash=%ZZ", "percent escape is not two hex digits",
                "/announce?info_hash=%", "truncated percent escape",
                "/announce?peer_id=a|b", "peer_id must be 20 bytes, got 3",
                "/scrape?info_hash=%G1", "percent escape is not two hex digits",
                "/scrape?info_hash=%12%34", "info_hash must be 20 bytes, got 2");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            RawHttp.Response r = RawHttp.get(port, c.getKey());
            assertThat(r.status()).as(c.getKey()).isEqualTo(200);
            assertThat(r.text()).as(c.getKey()).startsWith("d14:failure reason").contains(c.getValue());
        }
        // the request target is the only source of the query: a header claiming another one is ignored
        RawHttp.Response spoofed = RawHttp.get(port, "/announce?info_hash=%12%34",
                "X-Everseed-Raw-Query: aW5mb19oYXNoPSVaWg==");
        assertThat(spoofed.text()).contains("info_hash must be 20 bytes, got 2");
    }

    @Test
    void aTrustedProxysForwardedForNamesThePeer() throws Exception {
        InfoHash hash = registerAndWait();
        String query = AnnounceQueryEncoder.encode(
                AnnounceRequest.of(hash, PeerId.generate("-XF0001-"), 6881, 0, 0, 0, AnnounceEvent.STARTED));
        assertThat(RawHttp.get(port, "/announce?" + query, "X-Forwarded-For: 198.51.100.9, 203.0.113.7").status())
                .isEqualTo(200);
        AnnounceResponse leecher = announce(
                AnnounceRequest.of(hash, PeerId.generate("-XF0002-"), 6882, 0, 0, 1, AnnounceEvent.STARTED));
        assertThat(leecher.peers()).containsExactly(Peer.of(PeerAddress.of(new byte[] {(byte) 203, 0, 113, 7}, 6881)));
    }

    @Test
    void aSeederlessSwarmIsReportedOncePerEmptyPeriod() throws Exception {
        InfoHash hash = registerAndWait();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.SWARM_EMPTY));
            assertThat(swarmEmptyEvents(consumer, hash, 1, Duration.ofSeconds(20))).hasSize(1);

            PeerId seeder = PeerId.generate("-ES0010-");
            announce(AnnounceRequest.of(hash, seeder, 7201, 0, 0, 0, AnnounceEvent.STARTED));
            // while a seeder is there, nothing more
            assertThat(swarmEmptyEvents(consumer, hash, 1, Duration.ofSeconds(3))).isEmpty();
            Instant left = Instant.now();
            announce(AnnounceRequest.of(hash, seeder, 7201, 0, 0, 0, AnnounceEvent.STOPPED));
            List<SwarmEmpty> again = swarmEmptyEvents(consumer, hash, 1, Duration.ofSeconds(20));
            assertThat(again).hasSize(1);
            assertThat(again.getFirst().seederlessSince()).isAfterOrEqualTo(left.minusSeconds(1));
        }
    }

    @Test
    void libtorrentAnnouncesAndIsCountedAsSeeder() throws Exception {
        Libtorrent libtorrent = Libtorrent.create();
        String url = "http://127.0.0.1:" + port + "/announce";
        InfoHash hash = registerAndWait(InfoHash.fromHex(libtorrent.run(url, "make").strip()));
        // libtorrent accepts our announce response
        assertThat(libtorrent.run(url, "seed")).startsWith("REPLY");
        // on exit it announces stopped, and leaves
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (ScrapeResponseDecoder.decode(RawHttp.get(port, "/scrape?" + ScrapeQueryEncoder.encode(
                new ScrapeRequest(List.of(hash)))).body()).files().get(hash).complete() != 0) {
            assertThat(Instant.now()).as("libtorrent's stopped announce arrived").isBefore(deadline);
            Thread.sleep(100);
        }
    }

    @Test
    void libtorrentScrapes() throws Exception {
        Libtorrent libtorrent = Libtorrent.create();
        String url = "http://127.0.0.1:" + port + "/announce";
        registerAndWait(InfoHash.fromHex(libtorrent.run(url, "make").strip()));
        assertThat(libtorrent.run(url, "scrape")).startsWith("SCRAPE 1 0");
    }

    private InfoHash registerAndWait() throws Exception {
        byte[] bytes = new byte[20];
        ThreadLocalRandom.current().nextBytes(bytes);
        return registerAndWait(InfoHash.of(bytes));
    }

    private InfoHash registerAndWait(InfoHash hash) throws Exception {
        TorrentCreated event = new TorrentCreated(UUID.randomUUID(), Instant.now(), UUID.randomUUID(), hash.hex(),
                "file.bin", 1000, 16384, "blob/" + hash.hex(), "http://localhost:8080/torrents/" + hash.hex() + ".torrent",
                "magnet:?xt=urn:btih:" + hash.hex());
        publisher.publish(event).block(TIMEOUT);
        publisher.publish(event).block(TIMEOUT); // seen twice: changes nothing
        Instant deadline = Instant.now().plus(TIMEOUT);
        AnnounceRequest probe = AnnounceRequest.of(hash, PeerId.generate("-PR0001-"), 1, 0, 0, 1, AnnounceEvent.STOPPED);
        while (true) {
            try {
                announce(probe);
                return hash;
            } catch (TrackerFailureException e) {
                assertThat(e.failureReason()).isEqualTo("unregistered torrent");
                assertThat(Instant.now()).as("torrent registered in time").isBefore(deadline);
                Thread.sleep(100);
            }
        }
    }

    private AnnounceResponse announce(AnnounceRequest request) throws Exception {
        RawHttp.Response r = RawHttp.get(port, "/announce?" + AnnounceQueryEncoder.encode(request));
        assertThat(r.status()).isEqualTo(200);
        return AnnounceResponseDecoder.decode(r.body());
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "tracker-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
    }

    private List<SwarmEmpty> swarmEmptyEvents(KafkaConsumer<String, byte[]> consumer, InfoHash hash, int wanted,
                                              Duration within) {
        List<SwarmEmpty> found = new ArrayList<>();
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline) && found.size() < wanted) {
            for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                if (hash.hex().equals(r.key())) {
                    found.add(codec.decode(r.value(), SwarmEmpty.class));
                }
            }
        }
        return found;
    }

    static byte[] ascii(String s) {
        return s.getBytes(US_ASCII);
    }
}
