package org.everseed.messaging.outbox;

import org.everseed.events.EventCodec;
import org.everseed.events.PlatformEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * Writes events to the service's {@code outbox} table. Call {@link #enqueue} inside the R2DBC
 * transaction that writes the event's rows ({@code TransactionalOperator} or {@code @Transactional}):
 * the event then exists exactly when those rows do. {@link OutboxRelay} publishes it.
 */
public class Outbox {
    private final DatabaseClient db;
    private final EventCodec codec;

    /** @param db a client on the service's connection factory; @param codec the event JSON codec */
    public Outbox(DatabaseClient db, EventCodec codec) {
        this.db = db;
        this.codec = codec;
    }

    /** Inserts {@code event}; a second enqueue of the same event id changes nothing. */
    public Mono<Void> enqueue(PlatformEvent event) {
        return db.sql("INSERT INTO outbox (event_id, topic, record_key, payload) VALUES (:id, :topic, :key, :payload)"
                        + " ON CONFLICT (event_id) DO NOTHING")
                .bind("id", event.eventId())
                .bind("topic", event.topic())
                .bind("key", event.key())
                .bind("payload", codec.encode(event))
                .then();
    }
}
