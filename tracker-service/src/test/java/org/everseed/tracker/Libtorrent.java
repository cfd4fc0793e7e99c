package org.everseed.tracker;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code libtorrent_announce.py} with Debian's {@code /usr/bin/python3} (python3-libtorrent; the
 * {@code python3} on PATH lacks it). Fails, never skips, when libtorrent is missing. Every run is bounded
 * to 60 s.
 */
final class Libtorrent {
    private final Path work;
    private final Path script;

    private Libtorrent(Path work, Path script) {
        this.work = work;
        this.script = script;
    }

    /** A fresh working directory with the helper script in it. */
    static Libtorrent create() throws IOException {
        Path work = Files.createTempDirectory("tracker-libtorrent");
        Path script = work.resolve("libtorrent_announce.py");
        try (InputStream in = Libtorrent.class.getResourceAsStream("/libtorrent_announce.py")) {
            Files.copy(in, script);
        }
        return new Libtorrent(work, script);
    }

    /** Runs one mode of the helper against {@code url}; asserts a zero exit and returns its output. */
    String run(String url, String... mode) throws Exception {
        String[] command = new String[3 + mode.length + 1];
        command[0] = "/usr/bin/python3";
        command[1] = script.toString();
        command[2] = work.toString();
        command[3] = url;
        System.arraycopy(mode, 0, command, 4, mode.length);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        boolean finished = p.waitFor(60, TimeUnit.SECONDS);
        if (!finished) {
            p.destroyForcibly();
        }
        assertThat(finished).as("libtorrent helper finished").isTrue();
        String out = new String(p.getInputStream().readAllBytes(), US_ASCII);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /**
     * Starts one mode of the helper against {@code url} without waiting for it; its output goes to
     * {@code <mode>.log} in the working directory. The caller stops it (bounded waits).
     */
    Process start(String url, String... mode) throws IOException {
        String[] command = new String[4 + mode.length];
        command[0] = "/usr/bin/python3";
        command[1] = script.toString();
        command[2] = work.toString();
        command[3] = url;
        System.arraycopy(mode, 0, command, 4, mode.length);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve(mode[0] + ".log").toFile()).start();
    }

    /** The working directory: {@code content.bin}, {@code content.torrent}, logs. */
    Path work() {
        return work;
    }
}
