package org.everseed.tracker.catalog;

import java.time.Duration;
import org.everseed.tracker.swarm.SwarmRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Fills the swarm registry from the {@code torrent} table when the context starts, before the HTTP
 * server and the Kafka listeners do, so that a restarted tracker knows every torrent from its first
 * announce on. Runs after the Flyway migration.
 */
@Component
@DependsOnDatabaseInitialization
public class TorrentCatalogLoader implements InitializingBean {
    private static final Logger log = LoggerFactory.getLogger(TorrentCatalogLoader.class);
    /** Longest wait for the table at start-up. */
    static final Duration LOAD_TIMEOUT = Duration.ofSeconds(60);
    private final TorrentRepository repository;
    private final SwarmRegistry registry;

    /** @param repository the table; @param registry the swarms to fill */
    public TorrentCatalogLoader(TorrentRepository repository, SwarmRegistry registry) {
        this.repository = repository;
        this.registry = registry;
    }

    /** Loads every registered torrent; blocks the start-up thread (never a Netty thread). */
    @Override
    public void afterPropertiesSet() {
        Long count = repository.findTracked()
                .doOnNext(t -> registry.register(t.infoHash(), t.alias(), t.completed()))
                .count()
                .block(LOAD_TIMEOUT);
        log.info("Tracking {} registered torrents", count);
    }
}
