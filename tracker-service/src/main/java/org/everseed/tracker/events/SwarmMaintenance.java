package org.everseed.tracker.events;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.everseed.events.SwarmEmpty;
import org.everseed.events.SwarmStats;
import org.everseed.messaging.EventPublisher;
import org.everseed.messaging.outbox.Outbox;
import org.everseed.tracker.catalog.TorrentRepository;
import org.everseed.tracker.config.TrackerProperties;
import org.everseed.tracker.swarm.Swarm;
import org.everseed.tracker.swarm.SwarmCounts;
import org.everseed.tracker.swarm.SwarmRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The periodic work on the swarms, on a scheduler thread (blocking on the database is fine there):
 * every {@code sweep-interval} expire peers not heard from for {@code peer-timeout} and emit one
 * {@code SwarmEmpty} per seederless period longer than {@code swarm-empty-after}, through the outbox in
 * one transaction with the torrent row's {@code swarm_empty_reported_at}; every {@code stats-interval}
 * publish {@code SwarmStats} for the swarms whose counts changed (best effort: the next one corrects a
 * lost one).
 */
@Component
public class SwarmMaintenance implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(SwarmMaintenance.class);
    /** Longest wait for the database or the broker per event. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final SwarmRegistry registry;
    private final TorrentRepository repository;
    private final Outbox outbox;
    private final TransactionalOperator transactions;
    private final EventPublisher publisher;
    private final TrackerProperties properties;
    private final Clock clock;

    /** Wires the maintenance. */
    public SwarmMaintenance(SwarmRegistry registry, TorrentRepository repository, Outbox outbox,
                            TransactionalOperator transactions, EventPublisher publisher,
                            TrackerProperties properties, Clock clock) {
        this.registry = registry;
        this.repository = repository;
        this.outbox = outbox;
        this.transactions = transactions;
        this.publisher = publisher;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(this::sweep, properties.sweepInterval());
        if (properties.statsInterval().isPositive()) {
            tasks.addFixedDelayTask(this::publishStats, properties.statsInterval());
        }
    }

    /** Expires peers and reports seederless swarms. */
    public void sweep() {
        long now = clock.millis();
        long cutoff = now - properties.peerTimeout().toMillis();
        for (Swarm swarm : registry.all()) {
            swarm.expire(cutoff, now);
            Optional<Instant> since = swarm.claimEmptyReport(now, properties.swarmEmptyAfter().toMillis());
            since.ifPresent(s -> reportEmpty(swarm, s, Instant.ofEpochMilli(now)));
        }
    }

    private void reportEmpty(Swarm swarm, Instant since, Instant now) {
        SwarmEmpty event = new SwarmEmpty(UUID.randomUUID(), now, swarm.infoHash().hex(), since);
        try {
            outbox.enqueue(event)
                    .then(repository.markSwarmEmptyReported(swarm.infoHash(), now))
                    .as(transactions::transactional)
                    .block(TIMEOUT);
            log.info("Swarm {} has had no seeder since {}: SwarmEmpty queued", swarm.infoHash(), since);
        } catch (RuntimeException e) {
            swarm.releaseEmptyReport();
            log.warn("Could not queue SwarmEmpty for {}; next sweep retries", swarm.infoHash(), e);
        }
    }

    /**
     * Publishes {@code SwarmStats} for every registered swarm whose counts changed since the last time.
     * What went out is recorded in the swarm itself, so a forgotten (withdrawn) swarm leaves nothing here.
     */
    public void publishStats() {
        for (Swarm swarm : registry.all()) {
            long version = swarm.unpublishedVersion();
            if (version < 0) {
                continue;
            }
            SwarmCounts c = swarm.counts();
            SwarmStats stats = new SwarmStats(UUID.randomUUID(), clock.instant(), c.infoHash().hex(),
                    c.seeders(), c.leechers(), c.completed());
            try {
                publisher.publish(stats).block(TIMEOUT);
                swarm.markPublished(version);
            } catch (RuntimeException e) {
                log.warn("Could not publish SwarmStats for {}; next round retries", c.infoHash(), e);
            }
        }
    }
}
