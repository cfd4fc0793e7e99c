package org.everseed.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.MetainfoParser;
import org.everseed.bittorrent.peer.PeerMessage.Interested;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.seed.peerwire.PeerWireServer;
import org.everseed.seed.seeding.Everseeds;
import org.everseed.seed.session.TorrentRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The benchmark behind {@code bench/seed/run.sh} (not a test: surefire runs it only when named with
 * {@code -Dtest=SeedBenchmark}). Rates: aria2c downloads {@code bench.bin} over loopback from the
 * everseed alone, then from a libtorrent seeder alone (both found through a local opentracker), then
 * over plain HTTP from nginx, {@code bench.rounds} times each, interleaved with the order rotated each round;
 * prints MB/s and ratios, for the
 * transfer (first completed bytes to complete) and from aria2c's start to complete ({@link Aria2Download}).
 * Memory: heap used after a full GC with 10,000 torrents served and 500 peers connected.
 */
class SeedBenchmark {
    private static final Path DIR = Path.of(System.getProperty("bench.dir", "/tmp/everseed-bench"));
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 4);
    private static final int TRACKER_PORT = 16969;
    private static final int LIBTORRENT_PORT = 16881;
    private static final int NGINX_PORT = 18089;
    /** The everseed variant measured beside the defaults: {@code bench.variant=key=value[,key=value]}. */
    private static final Map<String, String> VARIANT = variant(System.getProperty("bench.variant",
            "everseed.seed.block-transfer=file-region"));

    @Test
    void bench() throws Exception {
        byte[] torrent = Files.readAllBytes(DIR.resolve("bench.torrent"));
        Metainfo metainfo = MetainfoParser.parse(torrent);
        long size = metainfo.info().totalLength();
        Path whitelist = Files.writeString(DIR.resolve("whitelist"), metainfo.infoHash().hex() + "\n");
        Process tracker = start("opentracker", "-i", "127.0.0.1", "-p", Integer.toString(TRACKER_PORT),
                "-P", Integer.toString(TRACKER_PORT), "-w", whitelist.toString());   // Debian's build is whitelist-only
        Process nginx = start("nginx", "-c", nginxConf().toString(), "-g", "daemon off;");
        System.out.printf("BENCH variant measured beside the default everseed: %s%n", VARIANT);
        List<Aria2Download> ours = new ArrayList<>();
        List<Aria2Download> regions = new ArrayList<>();
        List<Aria2Download> libtorrent = new ArrayList<>();
        List<Aria2Download> http = new ArrayList<>();
        try {
            if (ROUNDS > 0) {   // not recorded: the first everseed of a JVM ran up to 30% slower (JIT warm-up)
                System.out.printf("BENCH warm-up download (not counted): %s%n",
                        format(everseedRate(metainfo, torrent, size, Map.of())));
            }
            for (int round = 1; round <= ROUNDS; round++) {       // bench.rounds=0: memory only
                // the four sources in turn, starting one further each round: the place in a round matters (an
                // everseed measured right after another ran faster whatever its settings), so with rounds a
                // multiple of 4 every source is measured once in every place
                Aria2Download[] measured = new Aria2Download[4];
                for (int k = 0; k < 4; k++) {
                    int source = (round - 1 + k) % 4;
                    measured[source] = switch (source) {
                        case 0 -> everseedRate(metainfo, torrent, size, Map.of());
                        case 1 -> everseedRate(metainfo, torrent, size, VARIANT);
                        case 2 -> libtorrentRate(metainfo, size);
                        default -> Aria2Download.run(DIR, size, "http://127.0.0.1:" + NGINX_PORT + "/bench.bin");
                    };
                }
                ours.add(measured[0]);
                regions.add(measured[1]);
                libtorrent.add(measured[2]);
                http.add(measured[3]);
                System.out.printf("BENCH round %d (first: %s): everseed %s (variant: %s), libtorrent %s, nginx %s%n", round,
                        List.of("everseed", "variant", "libtorrent", "nginx").get((round - 1) % 4),
                        format(ours.getLast()), format(regions.getLast()), format(libtorrent.getLast()), format(http.getLast()));
            }
        } finally {
            tracker.destroy();
            nginx.destroy();
        }
        if (ROUNDS > 0) {
            for (String measure : List.of("transfer", "to complete")) {
                java.util.function.Function<List<Aria2Download>, List<Double>> rates = list -> list.stream()
                        .map(d -> measure.equals("transfer") ? d.transfer() : d.toComplete()).toList();
                for (String stat : List.of("best", "median")) {
                    double o = stat.equals("best") ? best(rates.apply(ours)) : median(rates.apply(ours));
                    double r = stat.equals("best") ? best(rates.apply(regions)) : median(rates.apply(regions));
                    double l = stat.equals("best") ? best(rates.apply(libtorrent)) : median(rates.apply(libtorrent));
                    double h = stat.equals("best") ? best(rates.apply(http)) : median(rates.apply(http));
                    System.out.printf("BENCH %d MiB, %s, %s of %d: everseed %.1f MB/s (variant %.1f), libtorrent %.1f MB/s,"
                            + " aria2c-from-nginx %.1f MB/s; everseed/libtorrent = %.2f, everseed/nginx = %.2f"
                            + " (variant: %.2f, %.2f)%n", size >> 20, measure, stat, ROUNDS, o, r, l, h, o / l, o / h,
                            r / l, r / h);
                }
            }
        }
        if (!"0".equals(System.getProperty("bench.memory", "1"))) {
            memory();
        }
    }

    /** Heap used after GC: the service idle, then with 10,000 torrents, then with 500 connected peers too. */
    private void memory() throws Exception {
        Path blob = DIR.resolve("blobs/bench/small.bin");
        byte[] content = new byte[64 * 1024];
        new java.util.Random(1).nextBytes(content);
        Files.write(blob, content);
        try (ConfigurableApplicationContext seed = everseed(Map.of("everseed.seed.max-connections-per-ip", "1000",
                "everseed.seed.max-connections", "2000"))) {
            long idle = heapAfterGc();
            List<InfoHash> hashes = new ArrayList<>();
            DatabaseClient db = seed.getBean(DatabaseClient.class);
            db.sql("DELETE FROM everseed").fetch().rowsUpdated().block();
            long inserting = System.nanoTime();
            for (int i = 0; i < 10_000; i++) {
                byte[] t = smallTorrent("small-" + i + ".bin", content);
                InfoHash h = MetainfoParser.parse(t).infoHash();
                hashes.add(h);
                db.sql("INSERT INTO everseed (info_hash, blob_key, torrent, origin) VALUES (:h, 'bench/small.bin', :t, 'torrent-created')")
                        .bind("h", h.bytes()).bind("t", t).fetch().rowsUpdated().block();
            }
            System.out.printf("BENCH 10,000 rows inserted in %.1f s%n", (System.nanoTime() - inserting) / 1e9);
            seed.getBean(Everseeds.class).resumeAll().block(Duration.ofSeconds(60));
            TorrentRegistry registry = seed.getBean(TorrentRegistry.class);
            long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (registry.size() < 10_000 && System.nanoTime() < until) {
                Thread.sleep(500);
            }
            System.out.printf("BENCH torrents served: %d%n", registry.size());
            long torrents = heapAfterGc();
            int port = seed.getBean(PeerWireServer.class).port();
            List<RawPeer> peers = new ArrayList<>();
            try {
                for (int i = 0; i < 500; i++) {
                    RawPeer peer = new RawPeer(port, Duration.ofSeconds(10));
                    peers.add(peer);
                    peer.sendHandshake(hashes.get(i * 20));
                    peer.readHandshake();
                    peer.readMessage(4);
                    peer.send(new Interested());
                }
                await(() -> seed.getBean(PeerWireServer.class).openConnections() == 500);
                long connected = heapAfterGc();
                System.out.printf("BENCH heap after GC: idle service %.1f MiB; with 10,000 torrents %.1f MiB (+%.1f KiB per torrent);"
                        + " with 500 peers connected too %.1f MiB (+%.1f KiB per peer); max heap %d MiB%n",
                        mib(idle), mib(torrents), (torrents - idle) / 1024.0 / 10_000, mib(connected),
                        (connected - torrents) / 1024.0 / 500, Runtime.getRuntime().maxMemory() >> 20);
            } finally {
                for (RawPeer p : peers) {
                    p.close();
                }
            }
        }
    }

    /**
     * Waits until the tracker lists the seeder on {@code port} (seeders announce asynchronously; aria2c started
     * before would hear of no peer and ask again only after the tracker's interval of about 30 minutes). Asks as a
     * leecher on port 1 and withdraws that entry ({@code stopped}) afterwards.
     */
    private static void awaitSeeder(InfoHash infoHash, int port) throws Exception {
        StringBuilder hash = new StringBuilder();
        for (byte b : infoHash.bytes()) {
            hash.append('%').append(String.format("%02x", b & 0xff));
        }
        String base = "http://127.0.0.1:" + TRACKER_PORT + "/announce?info_hash=" + hash
                + "&peer_id=-BENCH0-000000000000&port=1&uploaded=0&downloaded=0&left=1&compact=1&numwant=200";
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        byte[] wanted = {(byte) 127, 0, 0, 1, (byte) (port >> 8), (byte) port};
        try {
            await(() -> {
                try {
                    byte[] body = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base))
                            .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
                    for (int i = 0; i + 6 <= body.length; i++) {
                        if (java.util.Arrays.equals(body, i, i + 6, wanted, 0, 6)) {
                            return true;
                        }
                    }
                    return false;
                } catch (Exception e) {
                    return false;
                }
            });
        } finally {
            http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "&event=stopped"))
                    .timeout(Duration.ofSeconds(5)).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        }
    }

    private static byte[] smallTorrent(String name, byte[] content) throws Exception {
        int pieceLength = 16 * 1024;
        ByteArrayOutputStream pieces = new ByteArrayOutputStream();
        for (int i = 0; i < content.length; i += pieceLength) {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(content, i, pieceLength);
            pieces.write(sha1.digest());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String head = "d8:announce26:udp://127.0.0.1:1/not-used4:infod6:lengthi" + content.length + "e4:name"
                + name.length() + ":" + name + "12:piece lengthi" + pieceLength + "e6:pieces" + pieces.size() + ":";
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(pieces.toByteArray());
        out.write("ee".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private ConfigurableApplicationContext everseed(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(EmbeddedInfrastructure.shared().springProperties("seed_bench"));
        p.put("spring.config.name", "seed-service");
        p.put("server.port", "0");
        p.put("everseed.seed.peer-port", "0");
        p.put("everseed.blob-storage.root", DIR.resolve("blobs").toString());
        p.put("everseed.seed.split-by-partitions", "false");
        p.put("spring.kafka.listener.auto-startup", "false");
        p.put("logging.level.root", "WARN");
        p.putAll(extra);
        String[] args = p.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
        return new SpringApplicationBuilder(SeedServiceApplication.class).run(args);
    }

    private static void insert(ConfigurableApplicationContext seed, InfoHash h, byte[] torrent) {
        seed.getBean(DatabaseClient.class).sql("INSERT INTO everseed (info_hash, blob_key, torrent, origin) "
                        + "VALUES (:h, 'bench/bench.bin', :t, 'torrent-created') ON CONFLICT (info_hash) DO NOTHING")
                .bind("h", h.bytes()).bind("t", torrent).fetch().rowsUpdated().block(Duration.ofSeconds(30));
    }

    private static String format(Aria2Download d) {
        return "%.1f MB/s transfer, %.1f MB/s to complete (first bytes after %.2f s)".formatted(d.transfer(),
                d.toComplete(), d.firstBytes());
    }

    private static Path nginxConf() throws Exception {
        Path conf = DIR.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/nginx-error.log;
                events { worker_connections 64; }
                http {
                  access_log off;
                  sendfile on;
                  tcp_nopush on;
                  client_body_temp_path %1$s/nginx-tmp;
                  proxy_temp_path %1$s/nginx-tmp;
                  fastcgi_temp_path %1$s/nginx-tmp;
                  uwsgi_temp_path %1$s/nginx-tmp;
                  scgi_temp_path %1$s/nginx-tmp;
                  server { listen 127.0.0.1:%2$d; root %1$s; }
                }
                """.formatted(DIR, NGINX_PORT));
        return conf;
    }

    private static Process start(String... command) throws Exception {
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(DIR.resolve(Path.of(command[0]).getFileName() + ".log").toFile()).start();
    }

    /** Seeds the file from a fresh libtorrent seeder ({@code bench.script}); aria2c's rate from it alone. */
    private static Aria2Download libtorrentRate(Metainfo metainfo, long size) throws Exception {
        Process lt = start("/usr/bin/python3", System.getProperty("bench.script"), DIR.resolve("bench.torrent").toString(),
                DIR.toString(), Integer.toString(LIBTORRENT_PORT));
        try {
            awaitSeeder(metainfo.infoHash(), LIBTORRENT_PORT);
            return Aria2Download.run(DIR, size, DIR.resolve("bench.torrent").toString());
        } finally {
            lt.destroy();
            lt.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Seeds the file from a fresh everseed sending blocks as {@code transfer}; aria2c's rate from it alone. */
    private Aria2Download everseedRate(Metainfo metainfo, byte[] torrent, long size, Map<String, String> settings)
            throws Exception {
        String transfer = settings.isEmpty() ? "defaults" : settings.toString();
        try (ConfigurableApplicationContext seed = everseed(settings)) {
            insert(seed, metainfo.infoHash(), torrent);
            seed.getBean(Everseeds.class).resumeAll().block(Duration.ofSeconds(30));
            await(() -> seed.getBean(TorrentRegistry.class).contains(metainfo.infoHash()));
            awaitSeeder(metainfo.infoHash(), seed.getBean(PeerWireServer.class).port());
            Aria2Download cold = Aria2Download.run(DIR, size, DIR.resolve("bench.torrent").toString());
            if (Boolean.getBoolean("bench.warm")) {     // again, every piece verified already: the transfer alone
                System.out.printf("BENCH everseed (%s) with every piece verified: %s%n", transfer,
                        format(Aria2Download.run(DIR, size, DIR.resolve("bench.torrent").toString())));
            }
            return cold;
        }
    }

    private static Map<String, String> variant(String text) {
        Map<String, String> settings = new HashMap<>();
        for (String pair : text.split(",")) {
            int eq = pair.indexOf('=');
            settings.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
        }
        return settings;
    }

    private static double median(List<Double> rates) {
        List<Double> sorted = rates.stream().sorted().toList();
        int n = sorted.size();
        return n == 0 ? 0 : n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double best(List<Double> rates) {
        return rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private static long heapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(300);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mib(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
