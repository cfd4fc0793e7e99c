package org.everseed.seed.seeding;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.seed.config.SeedProperties;
import org.everseed.seed.session.SeededTorrent;
import org.everseed.seed.session.TorrentRegistry;
import org.everseed.seed.storage.TorrentDataLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every {@code file-check-interval}: examines the blob of every served torrent (a vanished or changed
 * one stops that everseed, with its event) and stops the torrents another instance marked withdrawn
 * in the shared table since the previous round. One stat per served torrent per round; runs on its
 * own thread.
 */
@Component
public class SeedHealthCheck implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(SeedHealthCheck.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);
    /** Overlap between rounds, so a withdrawal committed while a round ran is seen by the next. */
    private static final Duration OVERLAP = Duration.ofMinutes(1);

    private final TorrentRegistry registry;
    private final TorrentDataLoader loader;
    private final AssignmentRepository assignments;
    private final Everseeds everseeds;
    private final Duration interval;
    private ScheduledExecutorService timer;
    private Instant since = Instant.now();

    /** Wires the check. */
    public SeedHealthCheck(TorrentRegistry registry, TorrentDataLoader loader, AssignmentRepository assignments,
            Everseeds everseeds, SeedProperties properties) {
        this.registry = registry;
        this.loader = loader;
        this.assignments = assignments;
        this.everseeds = everseeds;
        this.interval = properties.fileCheckInterval();
    }

    /** One round: blobs, then withdrawals. Public for tests; never throws. */
    public void checkNow() {
        for (SeededTorrent torrent : registry.all()) {
            loader.check(torrent.data()).ifPresent(torrent.data()::fail);
        }
        Instant round = Instant.now();
        try {
            List<InfoHash> withdrawn = assignments.withdrawnSince(since.minus(OVERLAP)).collectList().block(DB_TIMEOUT);
            if (withdrawn != null) {
                withdrawn.forEach(h -> everseeds.stopHere(h, "withdrawn"));
            }
            since = round;
        } catch (RuntimeException e) {
            log.warn("could not read withdrawals: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("seed-health").daemon().factory());
        long ms = interval.toMillis();
        timer.scheduleWithFixedDelay(this::checkNow, ms, ms, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
