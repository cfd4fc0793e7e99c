package org.everseed.tracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.InfoHashV2;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.Peer;
import org.everseed.bittorrent.tracker.PeerAddress;
import org.everseed.bittorrent.tracker.ScrapeStats;
import org.everseed.bittorrent.tracker.udp.UdpRequestEncoder;
import org.everseed.bittorrent.tracker.udp.UdpResponse;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.events.PublicationWithdrawn;
import org.everseed.events.TorrentCreated;
import org.everseed.messaging.EventPublisher;
import org.everseed.tracker.swarm.SwarmRegistry;
import org.everseed.tracker.transport.udp.UdpTrackerServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The UDP tracker (BEP 15) against the real embedded Kafka and PostgreSQL, over real UDP on loopback:
 * connect, announce and scrape; silence for unauthenticated sources; error packets for bad requests
 * from authenticated ones; libtorrent announcing over udp://; hybrid torrents as one swarm (BEP 52);
 * withdrawn publications forgotten. Same context as {@link TrackerServiceIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.config.name=tracker-service",
        "everseed.tracker.swarm-empty-after=1s",
        "everseed.tracker.sweep-interval=200ms",
        "everseed.tracker.stats-interval=1s",
        "everseed.tracker.udp-port=0",
        "everseed.messaging.outbox-poll-interval=100ms"})
@Timeout(120)
class UdpTrackerIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int RECEIVE_TIMEOUT_MILLIS = 3000;

    @Autowired
    UdpTrackerServer server;
    @Autowired
    SwarmRegistry registry;
    @Autowired
    EventPublisher publisher;
    @Autowired
    org.springframework.r2dbc.core.DatabaseClient db;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springProperties("tracker").forEach((k, v) -> registry.add(k, () -> v));
    }

    @Test
    void peersFindEachOtherAndScrapeCountsThem() throws Exception {
        InfoHash hash = register(randomHash(), null);
        try (UdpClient client = new UdpClient(server.port(), RECEIVE_TIMEOUT_MILLIS)) {
            long id = connect(client);
            UdpResponse.Announce seeder = (UdpResponse.Announce) client.exchange(UdpRequestEncoder.announce(id, 11,
                    AnnounceRequest.of(hash, PeerId.generate("-ES0010-"), 7001, 0, 0, 0, AnnounceEvent.STARTED), 1))
                    .orElseThrow();
            assertThat(seeder.transactionId()).isEqualTo(11);
            assertThat(seeder.announce().complete()).hasValue(1);
            assertThat(seeder.announce().interval()).isBetween(900, 960);
            UdpResponse.Announce leecher = (UdpResponse.Announce) client.exchange(UdpRequestEncoder.announce(id, 12,
                    AnnounceRequest.of(hash, PeerId.generate("-LT2080-"), 7002, 0, 0, 10, AnnounceEvent.STARTED), 2))
                    .orElseThrow();
            assertThat(leecher.announce().peers()).containsExactly(Peer.of(PeerAddress.of(new byte[] {127, 0, 0, 1}, 7001)));
            InfoHash unknown = randomHash();
            assertThat(client.exchange(UdpRequestEncoder.scrape(id, 13, List.of(hash, unknown, hash))))
                    .contains(new UdpResponse.Scrape(13, List.of(new ScrapeStats(1, 0, 1), new ScrapeStats(0, 0, 0),
                            new ScrapeStats(1, 0, 1))));
            assertThat(client.exchange(UdpRequestEncoder.announce(id, 14,
                    AnnounceRequest.of(unknown, PeerId.generate("-LT2080-"), 7003, 0, 0, 10, AnnounceEvent.NONE), 3)))
                    .contains(new UdpResponse.Error(14, "unregistered torrent"));
        }
    }

    @Test
    void unauthenticatedSourcesGetSilenceAndAuthenticatedOnesGetErrors() throws Exception {
        InfoHash hash = register(randomHash(), null);
        AnnounceRequest announce = AnnounceRequest.of(hash, PeerId.generate("-XX0001-"), 7100, 0, 0, 1,
                AnnounceEvent.STARTED);
        try (UdpClient client = new UdpClient(server.port(), 500)) {
            // forged connection id, garbage, a short packet, a connect without the protocol id: no answer at all
            assertThat(client.exchange(UdpRequestEncoder.announce(0x1234567812345678L, 1, announce, 1))).isEmpty();
            assertThat(client.exchange(HexFormat.of().parseHex("deadbeef"))).isEmpty();
            assertThat(client.exchange(new byte[1400])).isEmpty();
            assertThat(client.exchange(HexFormat.of().parseHex("00000000000000000000000000000007"))).isEmpty();
            long id = connect(client);
            // an authenticated source with a malformed request gets an error packet with the reason
            byte[] badPort = UdpRequestEncoder.announce(id, 2, announce, 1);
            badPort[96] = 0;
            badPort[97] = 0;
            assertThat(client.exchange(badPort)).contains(new UdpResponse.Error(2, "port must be 1..65535"));
            byte[] badAction = UdpRequestEncoder.scrape(id, 3, List.of(hash));
            badAction[11] = 9;
            assertThat(client.exchange(badAction)).contains(new UdpResponse.Error(3, "unknown action 9"));
            assertThat(client.exchange(java.util.Arrays.copyOf(UdpRequestEncoder.announce(id, 4, announce, 1), 50)))
                    .contains(new UdpResponse.Error(4, "announce request must be at least 98 bytes, got 50"));
        }
    }

    @Test
    void aHybridTorrentsV1AndV2KeysAreOneSwarmUntilWithdrawn() throws Exception {
        byte[] v2 = new byte[32];
        ThreadLocalRandom.current().nextBytes(v2);
        InfoHashV2 full = InfoHashV2.of(v2);
        InfoHash v1 = randomHash();
        UUID publication = registerPublication(v1, full);
        try (UdpClient client = new UdpClient(server.port(), RECEIVE_TIMEOUT_MILLIS)) {
            long id = connect(client);
            client.exchange(UdpRequestEncoder.announce(id, 1,
                    AnnounceRequest.of(v1, PeerId.generate("-V1SEED-"), 7201, 0, 0, 0, AnnounceEvent.STARTED), 1));
            UdpResponse.Announce viaV2 = (UdpResponse.Announce) client.exchange(UdpRequestEncoder.announce(id, 2,
                    AnnounceRequest.of(full.truncated(), PeerId.generate("-V2LEEC-"), 7202, 0, 0, 5,
                            AnnounceEvent.STARTED), 2)).orElseThrow();
            assertThat(viaV2.announce().peers()).containsExactly(Peer.of(PeerAddress.of(new byte[] {127, 0, 0, 1}, 7201)));
            assertThat(viaV2.announce().complete()).hasValue(1);
            assertThat(viaV2.announce().incomplete()).hasValue(1);

            publisher.publish(new PublicationWithdrawn(UUID.randomUUID(), Instant.now(), publication, v1.hex(),
                    full.hex())).block(TIMEOUT);
            awaitUntil(() -> registry.find(v1).isEmpty() && registry.find(full.truncated()).isEmpty());
            for (InfoHash key : List.of(v1, full.truncated())) {
                assertThat(client.exchange(UdpRequestEncoder.announce(id, 3,
                        AnnounceRequest.of(key, PeerId.generate("-LATE00-"), 7203, 0, 0, 5, AnnounceEvent.NONE), 3)))
                        .contains(new UdpResponse.Error(3, "unregistered torrent"));
            }
        }
    }

    /**
     * The same bytes and name published twice give one info_hash: withdrawing one publication keeps the torrent
     * tracked for the other; withdrawing both forgets it; publishing it again tracks it again.
     */
    @Test
    void aTorrentOfTwoPublicationsIsTrackedUntilBothAreWithdrawnAndAgainWhenRepublished() throws Exception {
        InfoHash hash = randomHash();
        UUID first = registerPublication(hash, null);
        UUID second = registerPublication(hash, null);
        try (UdpClient client = new UdpClient(server.port(), RECEIVE_TIMEOUT_MILLIS)) {
            long id = connect(client);
            withdraw(first, hash);
            awaitUntil(() -> publicationWithdrawn(first));
            Thread.sleep(500);                                // the listener's last step, forgetting, would follow at once
            assertThat(registry.find(hash)).as("still tracked for the second publication").isPresent();
            assertThat(client.exchange(UdpRequestEncoder.announce(id, 1,
                    AnnounceRequest.of(hash, PeerId.generate("-TWO001-"), 7401, 0, 0, 5, AnnounceEvent.STARTED), 1))
                    .orElseThrow()).isInstanceOf(UdpResponse.Announce.class);

            withdraw(second, hash);
            awaitUntil(() -> registry.find(hash).isEmpty());
            assertThat(client.exchange(UdpRequestEncoder.announce(id, 2,
                    AnnounceRequest.of(hash, PeerId.generate("-TWO002-"), 7402, 0, 0, 5, AnnounceEvent.NONE), 2)))
                    .contains(new UdpResponse.Error(2, "unregistered torrent"));

            registerPublication(hash, null);                   // waits until tracked again
            assertThat(client.exchange(UdpRequestEncoder.announce(id, 3,
                    AnnounceRequest.of(hash, PeerId.generate("-TWO003-"), 7403, 0, 0, 5, AnnounceEvent.STARTED), 3))
                    .orElseThrow()).isInstanceOf(UdpResponse.Announce.class);
        }
    }

    private void withdraw(UUID publication, InfoHash hash) {
        publisher.publish(new PublicationWithdrawn(UUID.randomUUID(), Instant.now(), publication, hash.hex(), null))
                .block(TIMEOUT);
    }

    private boolean publicationWithdrawn(UUID publication) {
        return Boolean.TRUE.equals(db.sql("SELECT withdrawn_at IS NOT NULL AS w FROM torrent_publication"
                        + " WHERE publication_id = :p").bind("p", publication)
                .map(r -> r.get("w", Boolean.class)).one().block(TIMEOUT));
    }

    @Test
    void libtorrentPeersFindEachOtherOverUdpAndScrape() throws Exception {
        Libtorrent libtorrent = Libtorrent.create();
        String url = "udp://127.0.0.1:" + server.port() + "/announce";
        register(InfoHash.fromHex(libtorrent.run(url, "make").strip()), null);
        // announces (it must accept our announce answer before it scrapes), then scrapes
        assertThat(libtorrent.run(url, "scrape")).startsWith("SCRAPE 1 0");
        assertThat(libtorrent.run(url, "swarm")).contains("DOWNLOADED");
    }

    @Test
    void ipv6SourcesGetIpv6PeersAndTheirOwnConnectionIds() throws Exception {
        InfoHash hash = register(randomHash(), null);
        try (UdpClient v4 = new UdpClient(server.port(), RECEIVE_TIMEOUT_MILLIS);
             UdpClient v6 = new UdpClient("::1", server.port(), RECEIVE_TIMEOUT_MILLIS)) {
            long id4 = connect(v4);
            long id6 = connect(v6);
            v4.exchange(UdpRequestEncoder.announce(id4, 1,
                    AnnounceRequest.of(hash, PeerId.generate("-V40001-"), 7301, 0, 0, 0, AnnounceEvent.STARTED), 1))
                    .orElseThrow();
            v6.exchange(UdpRequestEncoder.announce(id6, 2,
                    AnnounceRequest.of(hash, PeerId.generate("-V60001-"), 7302, 0, 0, 0, AnnounceEvent.STARTED), 2))
                    .orElseThrow();
            UdpResponse.Announce leecher = (UdpResponse.Announce) v6.exchange(UdpRequestEncoder.announce(id6, 3,
                    AnnounceRequest.of(hash, PeerId.generate("-V60002-"), 7303, 0, 0, 9, AnnounceEvent.STARTED), 3))
                    .orElseThrow();
            // both seeders are counted, but an IPv6 source gets only the 18-byte IPv6 peers (BEP 15 "IPv6")
            assertThat(leecher.transactionId()).isEqualTo(3);
            assertThat(leecher.announce().complete()).hasValue(2);
            assertThat(leecher.announce().peers()).containsExactly(
                    Peer.of(PeerAddress.of(java.net.InetAddress.getByName("::1").getAddress(), 7302)));
            // an IPv4 leecher sees the IPv4 seeder only
            UdpResponse.Announce leecher4 = (UdpResponse.Announce) v4.exchange(UdpRequestEncoder.announce(id4, 4,
                    AnnounceRequest.of(hash, PeerId.generate("-V40002-"), 7304, 0, 0, 9, AnnounceEvent.STARTED), 4))
                    .orElseThrow();
            assertThat(leecher4.announce().peers()).containsExactly(Peer.of(PeerAddress.of(new byte[] {127, 0, 0, 1}, 7301)));
            // a connection id is bound to the address it was issued to: the IPv4 one from ::1 gets silence
            assertThat(v6.exchange(UdpRequestEncoder.announce(id4, 5,
                    AnnounceRequest.of(hash, PeerId.generate("-V60003-"), 7305, 0, 0, 9, AnnounceEvent.STARTED), 5)))
                    .isEmpty();
        }
    }

    @Test
    void aria2cFindsALibtorrentSeederOverUdpAndDownloads() throws Exception {
        Libtorrent libtorrent = Libtorrent.create();
        String url = "udp://127.0.0.1:" + server.port() + "/announce";
        InfoHash hash = register(InfoHash.fromHex(libtorrent.run(url, "make").strip()), null);
        Process seeder = libtorrent.start(url, "seedfor", "90");
        java.nio.file.Path downloads = java.nio.file.Files.createTempDirectory("tracker-aria2");
        try {
            awaitUntil(() -> registry.find(hash).orElseThrow().counts().seeders() == 1);
            // aria2 speaks udp:// trackers only through its IPv4 DHT socket, so DHT is on, but with a fresh
            // routing table and no entry point it knows no node; no local discovery, no peer exchange: the
            // tracker is aria2c's only source of peers
            int ports = 20000 + ThreadLocalRandom.current().nextInt(20000);
            Process aria2 = new ProcessBuilder("aria2c", "--enable-dht=true", "--enable-dht6=false",
                    "--dht-listen-port=" + (ports + 1), "--dht-file-path=" + downloads.resolve("dht.dat"),
                    "--bt-enable-lpd=false", "--enable-peer-exchange=false", "--seed-time=0",
                    "--bt-stop-timeout=60", "--summary-interval=0", "--console-log-level=warn",
                    "--listen-port=" + ports,
                    "--dir=" + downloads, libtorrent.work().resolve("content.torrent").toString())
                    .redirectErrorStream(true).redirectOutput(downloads.resolve("aria2c.log").toFile()).start();
            boolean finished = aria2.waitFor(90, java.util.concurrent.TimeUnit.SECONDS);
            if (!finished) {
                aria2.destroyForcibly();
            }
            String log = java.nio.file.Files.readString(downloads.resolve("aria2c.log"));
            assertThat(finished).as("aria2c finished: %s", log).isTrue();
            assertThat(aria2.exitValue()).as(log).isZero();
            assertThat(java.nio.file.Files.mismatch(downloads.resolve("content.bin"),
                    libtorrent.work().resolve("content.bin"))).isEqualTo(-1L);
        } finally {
            java.nio.file.Files.createFile(libtorrent.work().resolve("stop"));
            if (!seeder.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                seeder.destroyForcibly();
            }
        }
    }

    private static long connect(UdpClient client) throws Exception {
        int tid = ThreadLocalRandom.current().nextInt();
        UdpResponse.Connect c = (UdpResponse.Connect) client.exchange(UdpRequestEncoder.connect(tid)).orElseThrow();
        assertThat(c.transactionId()).isEqualTo(tid);
        return c.connectionId();
    }

    private static InfoHash randomHash() {
        byte[] b = new byte[20];
        ThreadLocalRandom.current().nextBytes(b);
        return InfoHash.of(b);
    }

    private InfoHash register(InfoHash hash, InfoHashV2 v2) throws Exception {
        registerPublication(hash, v2);
        return hash;
    }

    private UUID registerPublication(InfoHash hash, InfoHashV2 v2) throws Exception {
        UUID publication = UUID.randomUUID();
        publisher.publish(new TorrentCreated(UUID.randomUUID(), Instant.now(), publication, hash.hex(), "file.bin",
                1000, 16384, "blob/" + hash.hex(), "http://localhost:8080/t.torrent", "magnet:?xt=urn:btih:" + hash.hex(),
                v2 == null ? null : v2.hex())).block(TIMEOUT);
        awaitUntil(() -> registry.find(hash).isPresent()
                && (v2 == null || registry.find(v2.truncated()).isPresent()));
        return publication;
    }

    private static void awaitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition met in time").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
