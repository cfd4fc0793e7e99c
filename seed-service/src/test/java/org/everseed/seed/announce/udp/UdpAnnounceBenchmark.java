package org.everseed.seed.announce.udp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.seed.announce.TrackerClient;
import org.everseed.seed.config.SeedProperties;
import org.everseed.seed.web.HttpTrackerClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import reactor.core.publisher.Flux;

/**
 * Announce throughput of the everseed's tracker clients against Debian's opentracker on loopback (not a test:
 * surefire runs it only when named, {@code -Dtest=UdpAnnounceBenchmark}). Each round announces {@code started} for
 * {@code bench.torrents} (10,000) whitelisted torrents, as an everseed starting that many does, first over UDP (BEP
 * 15: one connect, then announces on the shared socket; all submitted at once, as the announcer does, so the
 * socket's {@code udp-max-outstanding}, {@code bench.udp-max-outstanding} (64, the default), bounds those in flight), then over
 * HTTP (the anchor: the client the everseed used before, one TCP connection per announce since opentracker closes
 * each), {@code bench.concurrency} (256) in flight;
 * {@code bench.rounds} (3) rounds, interleaved. Prints answered announces/s per round, medians and UDP/HTTP; UDP
 * announces must all be answered, failed HTTP ones are counted and printed.
 */
class UdpAnnounceBenchmark {
    private static final int TORRENTS = Integer.getInteger("bench.torrents", 10_000);
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 3);
    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 256);

    @Test
    void bench() throws Exception {
        List<InfoHash> hashes = new ArrayList<>();
        for (int i = 0; i < TORRENTS; i++) {
            hashes.add(InfoHash.sha1Of(("bench-" + i).getBytes()));
        }
        Path dir = Files.createTempDirectory("udp-bench-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path whitelist = Files.writeString(dir.resolve("whitelist"),
                hashes.stream().map(InfoHash::hex).collect(Collectors.joining("\n", "", "\n")));
        Files.setPosixFilePermissions(whitelist, PosixFilePermissions.fromString("rw-r--r--"));
        int port = freePort();
        Process tracker = new ProcessBuilder("opentracker", "-i", "127.0.0.1", "-p", Integer.toString(port), "-P",
                Integer.toString(port), "-w", "whitelist", "-d", dir.toString()).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("opentracker.log").toFile()).start();
        SeedProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "everseed.seed.udp-max-outstanding", System.getProperty("bench.udp-max-outstanding", "64"))))
                .bindOrCreate("everseed.seed", SeedProperties.class);
        UdpTrackerClient udp = new UdpTrackerClient(properties);
        HttpTrackerClient http = new HttpTrackerClient(properties);
        String udpUrl = "udp://127.0.0.1:" + port + "/announce";
        String httpUrl = "http://127.0.0.1:" + port + "/announce";
        try {
            Thread.sleep(500);
            run(udp, udpUrl, hashes.subList(0, 500), TORRENTS);          // warm-up: JIT, connection pools
            run(http, httpUrl, hashes.subList(0, 500), CONCURRENCY);
            List<Double> udpRates = new ArrayList<>();
            List<Double> httpRates = new ArrayList<>();
            for (int round = 1; round <= ROUNDS; round++) {
                udpRates.add(run(udp, udpUrl, hashes, TORRENTS));
                httpRates.add(run(http, httpUrl, hashes, CONCURRENCY));
                System.out.printf("BENCH round %d: UDP %.0f announces/s, HTTP %.0f announces/s (UDP so far: %d "
                        + "retransmissions, %d answers ignored)%n", round, udpRates.getLast(), httpRates.getLast(),
                        udp.retransmissions(), udp.ignoredAnswers());
            }
            double u = median(udpRates);
            double h = median(httpRates);
            System.out.printf("BENCH %d torrents, UDP udp-max-outstanding %d, HTTP %d in flight, load average %.2f: "
                    + "median UDP %.0f/s, HTTP %.0f/s, UDP/HTTP %.2f%n", TORRENTS, properties.udpMaxOutstanding(), CONCURRENCY,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), u, h, u / h);
        } finally {
            udp.destroy();
            tracker.destroy();
            tracker.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Announces {@code started} for every hash with a fresh peer_id; returns announces per second. */
    private static double run(TrackerClient client, String url, List<InfoHash> hashes, int concurrency) {
        PeerId peerId = PeerId.generate("-ES0010-");
        AtomicLong failed = new AtomicLong();
        long start = System.nanoTime();
        Long answered = Flux.fromIterable(hashes)
                .flatMap(h -> client.announce(url, new AnnounceRequest(h, peerId, 6881, 0, 0, 0, AnnounceEvent.STARTED,
                                AnnounceRequest.NUMWANT_DEFAULT, true, false, Optional.of("0badcafe"), Optional.empty()))
                        .onErrorResume(e -> {
                            if (failed.incrementAndGet() <= 3) {
                                System.out.println("BENCH failed announce to " + url + ": " + e + " cause " + e.getCause());
                            }
                            return reactor.core.publisher.Mono.empty();
                        }), concurrency)
                .count()
                .block(Duration.ofMinutes(5));
        double seconds = (System.nanoTime() - start) / 1e9;
        if (client instanceof UdpTrackerClient) {
            assertThat(failed.get()).as("failed announces to " + url).isZero();
        } else if (failed.get() > 0) {
            System.out.printf("BENCH %d of %d announces to %s failed%n", failed.get(), hashes.size(), url);
        }
        assertThat(answered + failed.get()).isEqualTo(hashes.size());
        return answered / seconds;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static int freePort() {
        for (int i = 0; i < 100; i++) {
            int port = ThreadLocalRandom.current().nextInt(20000, 60000);
            try (ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                 DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
                return port;
            } catch (IOException e) {
                // taken
            }
        }
        throw new IllegalStateException("no free port");
    }
}
