package org.everseed.messaging.outbox;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import org.everseed.messaging.EventPublisher;
import org.everseed.messaging.MessagingProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes outbox rows to Kafka, oldest first, and marks them published. Each pass locks its batch
 * ({@code FOR UPDATE SKIP LOCKED}), so several replicas of a service share the work without
 * publishing a row twice in the normal case; after a crash between send and mark a row is sent
 * again (at least once: consumers are idempotent). Published rows are deleted after the retention.
 */
public class OutboxRelay implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final Duration CLEANUP_INTERVAL = Duration.ofMinutes(10);
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final EventPublisher publisher;
    private final MessagingProperties properties;
    private volatile Disposable running;

    /**
     * @param db a client on the service's connection factory
     * @param tx transactions on the same connection factory
     * @param publisher where rows go
     * @param properties poll interval, batch size, retention
     */
    public OutboxRelay(DatabaseClient db, TransactionalOperator tx, EventPublisher publisher, MessagingProperties properties) {
        this.db = db;
        this.tx = tx;
        this.publisher = publisher;
        this.properties = properties;
    }

    /**
     * Publishes up to one batch of pending rows.
     *
     * @return how many rows were published
     */
    public Mono<Integer> relayOnce() {
        Flux<Row> batch = db.sql("SELECT event_id, topic, record_key, payload FROM outbox WHERE published_at IS NULL"
                        + " ORDER BY created_at, event_id LIMIT :limit FOR UPDATE SKIP LOCKED")
                .bind("limit", properties.outboxBatchSize())
                .map((row, meta) -> new Row(row.get("event_id", UUID.class), row.get("topic", String.class),
                        row.get("record_key", String.class), bytes(row.get("payload"))))
                .all();
        return batch
                .concatMap(r -> publisher.publish(r.topic(), r.key(), r.payload()).thenReturn(r.eventId()))
                .collectList()
                .flatMap(ids -> ids.isEmpty() ? Mono.just(0)
                        : db.sql("UPDATE outbox SET published_at = now() WHERE event_id = ANY(:ids)")
                                .bind("ids", ids.toArray(UUID[]::new))
                                .fetch().rowsUpdated().thenReturn(ids.size()))
                .as(tx::transactional);
    }

    /** Deletes rows published longer than the retention ago. */
    public Mono<Long> deletePublished() {
        return db.sql("DELETE FROM outbox WHERE published_at < now() - make_interval(secs => :secs)")
                .bind("secs", (double) properties.outboxRetention().toSeconds())
                .fetch().rowsUpdated();
    }

    @Override
    public void start() {
        Flux<Integer> relay = Flux.interval(properties.outboxPollInterval(), Schedulers.boundedElastic())
                .onBackpressureDrop()
                .concatMap(tick -> relayOnce()
                        .onErrorResume(e -> {
                            log.warn("outbox relay pass failed, will retry: {}", e.toString());
                            return Mono.just(0);
                        }), 1);
        Flux<Long> cleanup = Flux.interval(CLEANUP_INTERVAL, Schedulers.boundedElastic())
                .concatMap(tick -> deletePublished().onErrorResume(e -> Mono.just(0L)));
        running = Flux.merge(relay.then(), cleanup.then()).subscribe();
    }

    @Override
    public void stop() {
        Disposable d = running;
        if (d != null) {
            d.dispose();
        }
        running = null;
    }

    @Override
    public boolean isRunning() {
        return running != null && !running.isDisposed();
    }

    private static byte[] bytes(Object value) {
        if (value instanceof ByteBuffer buffer) {
            byte[] b = new byte[buffer.remaining()];
            buffer.get(b);
            return b;
        }
        return (byte[]) value;
    }

    private record Row(UUID eventId, String topic, String key, byte[] payload) {
    }
}
