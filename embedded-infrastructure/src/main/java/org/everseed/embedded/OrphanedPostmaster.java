package org.everseed.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops a postmaster left running on a data directory by a JVM that died without closing it (killed, crashed), which
 * would otherwise make the next start fail on PostgreSQL's {@code postmaster.pid} lock.
 *
 * <p>A postmaster counts as orphaned only when no live JVM holds zonky's {@code epg-lock} file lock on the directory:
 * a directory in use by another running Everseed is left alone (zonky then reports the lock).
 */
final class OrphanedPostmaster {

    /** How long the orphan gets for a fast shutdown (SIGTERM, then it is killed). */
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
    private static final String PID_FILE = "postmaster.pid";
    private static final String ZONKY_LOCK_FILE = "epg-lock";

    private OrphanedPostmaster() {
    }

    /**
     * Stops the postmaster named in {@code postmaster.pid} if it is alive, is a {@code postgres} process, and no JVM
     * holds the directory's lock.
     *
     * @param dataDirectory the cluster's data directory
     * @throws IOException if the files cannot be read
     */
    static void stopIfAny(Path dataDirectory) throws IOException {
        Optional<ProcessHandle> postmaster = runningPostmaster(dataDirectory);
        if (postmaster.isEmpty() || lockedByLiveJvm(dataDirectory)) {
            return;
        }
        ProcessHandle process = postmaster.get();
        log.warn("Stopping orphaned postmaster (pid {}) left running on {}", process.pid(), dataDirectory);
        process.destroy();
        try {
            process.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("Orphaned postmaster {} ignored SIGTERM for {}; killing it (WAL recovery on start)",
                    process.pid(), STOP_TIMEOUT);
            process.destroyForcibly();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Waiting for orphaned postmaster " + process.pid() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while stopping orphaned postmaster " + process.pid(), e);
        }
    }

    private static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.getFirst().trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
    }

    private static boolean lockedByLiveJvm(Path dataDirectory) throws IOException {
        Path lockFile = dataDirectory.resolve(ZONKY_LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }
}
