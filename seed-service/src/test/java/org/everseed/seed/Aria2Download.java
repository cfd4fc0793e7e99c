package org.everseed.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One benchmark download with aria2c, watched through its JSON-RPC interface every {@value #POLL_MILLIS} ms.
 *
 * <p>Two rates in MB/s (10^6 bytes per second): {@code toComplete} over the whole time from starting aria2c
 * to the file being complete, and {@code transfer} from the first completed bytes to the last (aria2c's own
 * fixed costs left out: for BitTorrent it contacts new peers on a one-second tick, so about one second passes
 * between the tracker's answer and the first connection whoever the seeder is). The time aria2c spends
 * after completion (announcing {@code completed} on its next one-second tick, then exiting) is in neither.
 *
 * <p>{@code -Dbench.aria2c-bt-options=--opt=value,--opt2=value} adds aria2c options to the BitTorrent downloads
 * (not to the HTTP one), e.g. {@code --bt-require-crypto=true,--bt-min-crypto-level=arc4} to measure RC4-enciphered
 * connections. {@code -Dbench.aria2c-log=true} makes aria2c log at level info to {@code aria2c-N.log} in the benchmark
 * directory (N counts the downloads of this JVM); the logging slows aria2c down.
 *
 * @param toComplete MB/s from start to complete
 * @param transfer   MB/s from the first completed bytes to complete
 * @param firstBytes seconds from start to the first completed bytes
 */
record Aria2Download(double toComplete, double transfer, double firstBytes) {
    private static final int RPC_PORT = 16800;
    private static final long POLL_MILLIS = 20;
    private static final Pattern ENTRY = Pattern.compile("\\{[^{}]*}");
    private static final java.util.concurrent.atomic.AtomicInteger DOWNLOADS = new java.util.concurrent.atomic.AtomicInteger();
    private static final Pattern COMPLETED = Pattern.compile("\"completedLength\":\"(\\d+)\"");

    /**
     * Downloads {@code source} (a .torrent path or an http URL) of {@code size} bytes into a fresh directory
     * under {@code dir}, checks the file's length and deletes it.
     *
     * @throws AssertionError if aria2c fails or does not finish within 10 minutes
     */
    static Aria2Download run(Path dir, long size, String source) throws Exception {
        Path out = Files.createTempDirectory(dir, "out-");
        long start = System.nanoTime();
        List<String> command = new ArrayList<>(List.of("aria2c", "--enable-rpc", "--rpc-listen-port=" + RPC_PORT,
                "--enable-dht=false", "--enable-dht6=false", "--bt-enable-lpd=false",
                "--enable-peer-exchange=false", "--seed-time=0", "--file-allocation=none", "--summary-interval=0",
                "--console-log-level=error", "--max-connection-per-server=1", "--split=1", "--bt-stop-timeout=120",
                "--dir=" + out));
        int n = DOWNLOADS.incrementAndGet();
        if (Boolean.getBoolean("bench.aria2c-log")) {
            command.addAll(List.of("--log=" + dir.resolve("aria2c-" + n + ".log"), "--log-level=info"));
        }
        String btOptions = System.getProperty("bench.aria2c-bt-options", "");
        if (!source.startsWith("http") && !btOptions.isBlank()) {
            command.addAll(List.of(btOptions.split(",")));
        }
        command.add(source);
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("aria2c.log").toFile()).start();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long deadline = start + TimeUnit.MINUTES.toNanos(10);
        long first = 0;
        long firstBytes = 0;
        long end = 0;
        try {
            while (end == 0) {
                assertThat(p.isAlive()).as("aria2c exited: see %s", dir.resolve("aria2c.log")).isTrue();
                assertThat(System.nanoTime()).as("aria2c timed out").isLessThan(deadline);
                long completed = completedLength(http, size);
                long now = System.nanoTime();
                if (completed > 0 && first == 0) {
                    first = now;
                    firstBytes = completed;
                }
                if (completed == size) {
                    end = now;
                } else {
                    Thread.sleep(POLL_MILLIS);
                }
            }
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        assertThat(Files.size(out.resolve("bench.bin"))).isEqualTo(size);
        try (var files = Files.walk(out)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        double transfer = end == first ? Double.NaN : (size - firstBytes) / ((end - first) / 1e9) / 1e6;
        return new Aria2Download(size / ((end - start) / 1e9) / 1e6, transfer, (first - start) / 1e9);
    }

    /** The completed bytes of the download of {@code size} bytes (aria2c's tracker requests are smaller); 0 before. */
    private static long completedLength(HttpClient http, long size) {
        long best = 0;
        for (String call : new String[] {"aria2.tellActive\",\"params\":[[\"completedLength\",\"totalLength\"]]",
                "aria2.tellStopped\",\"params\":[0,100,[\"completedLength\",\"totalLength\"]]"}) {
            String body;
            try {
                body = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RPC_PORT + "/jsonrpc"))
                        .timeout(Duration.ofSeconds(2))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"" + call + "}"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
            } catch (Exception notListeningYet) {
                return 0;
            }
            Matcher entries = ENTRY.matcher(body);
            while (entries.find()) {
                String entry = entries.group();
                Matcher completed = COMPLETED.matcher(entry);
                if (entry.contains("\"totalLength\":\"" + size + "\"") && completed.find()) {
                    best = Math.max(best, Long.parseLong(completed.group(1)));
                }
            }
        }
        return best;
    }
}
