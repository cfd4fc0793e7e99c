package org.everseed.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.everseed.events.EventCodec;
import org.everseed.events.SwarmEmpty;
import org.everseed.events.SwarmStats;
import org.everseed.events.Topics;
import org.everseed.messaging.outbox.Outbox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The messaging plumbing against the real embedded Kafka and PostgreSQL: an event enqueued in a
 * committed transaction reaches its topic, one in a rolled-back transaction never does, and a
 * poison record goes to the dead-letter topic while the records behind it are still consumed.
 */
@SpringBootTest(classes = {MessagingIT.TestService.class, MessagingIT.StatsListener.class}, properties = {
    "spring.flyway.locations=classpath:db/migration/messaging-test",
    "everseed.messaging.retry-backoff=100ms",
    "everseed.messaging.outbox-poll-interval=100ms"})
class MessagingIT {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String HASH = "0123456789abcdef0123456789abcdef01234567";

    @Autowired
    Outbox outbox;
    @Autowired
    TransactionalOperator tx;
    @Autowired
    DatabaseClient db;
    @Autowired
    KafkaTemplate<String, byte[]> template;
    @Autowired
    EventCodec codec;
    @Autowired
    StatsListener listener;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springProperties("messaging").forEach((k, v) -> registry.add(k, () -> v));
    }

    @Test
    void committedEventsArePublishedAndRolledBackOnesNever() {
        SwarmEmpty committed = new SwarmEmpty(UUID.randomUUID(), Instant.now(), HASH, Instant.now());
        SwarmEmpty rolledBack = new SwarmEmpty(UUID.randomUUID(), Instant.now(), HASH, Instant.now());
        outbox.enqueue(committed).as(tx::transactional).block(TIMEOUT);
        Mono<Void> failing = db.sql("INSERT INTO things (id) VALUES (:id)").bind("id", UUID.randomUUID()).then()
                .then(outbox.enqueue(rolledBack))
                .then(Mono.error(new IllegalStateException("the business write failed")));
        assertThat(failing.as(tx::transactional).onErrorResume(e -> Mono.empty()).block(TIMEOUT)).isNull();

        List<SwarmEmpty> seen = consume(Topics.SWARM_EMPTY, committed.eventId(), SwarmEmpty.class);
        assertThat(seen).extracting(SwarmEmpty::eventId).contains(committed.eventId()).doesNotContain(rolledBack.eventId());
        assertThat(db.sql("SELECT count(*) AS n FROM outbox WHERE event_id = :id").bind("id", rolledBack.eventId())
                .map(r -> r.get("n", Long.class)).one().block(TIMEOUT)).isZero();
        assertThat(db.sql("SELECT published_at FROM outbox WHERE event_id = :id").bind("id", committed.eventId())
                .map(r -> r.get("published_at", java.time.OffsetDateTime.class)).one().block(TIMEOUT)).isNotNull();
    }

    @Test
    void aPoisonRecordGoesToTheDeadLetterTopicAndDoesNotBlockThePartition() throws Exception {
        String key = "poison-" + UUID.randomUUID();
        template.send(Topics.SWARM_STATS, key, "{not json".getBytes(StandardCharsets.UTF_8)).get();
        SwarmStats good = new SwarmStats(UUID.randomUUID(), Instant.now(), HASH, 1, 2, 3);
        template.send(Topics.SWARM_STATS, key, codec.encode(good)).get();

        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (System.nanoTime() < deadline && !listener.received.contains(good.eventId())) {
            Thread.sleep(100);
        }
        assertThat(listener.received).contains(good.eventId());
        List<String> dead = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.deadLetterOf(Topics.SWARM_STATS)));
            while (System.nanoTime() < deadline + TIMEOUT.toNanos() && dead.isEmpty()) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        dead.add(new String(r.value(), StandardCharsets.UTF_8));
                    }
                }
            }
        }
        assertThat(dead).containsExactly("{not json");
    }

    private <T extends org.everseed.events.PlatformEvent> List<T> consume(String topic, UUID until, Class<T> type) {
        List<T> events = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    T e = codec.decode(r.value(), type);
                    events.add(e);
                    if (e.eventId().equals(until)) {
                        // Give a rolled-back event every chance to show up behind it.
                        events.addAll(drain(consumer, type));
                        return events;
                    }
                }
            }
        }
        throw new AssertionError("event " + until + " never reached " + topic);
    }

    private <T extends org.everseed.events.PlatformEvent> List<T> drain(KafkaConsumer<String, byte[]> consumer, Class<T> type) {
        List<T> more = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            consumer.poll(Duration.ofMillis(500)).forEach(r -> more.add(codec.decode(r.value(), type)));
        }
        return more;
    }

    private static KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedInfrastructure.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "messaging-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** A minimal service: the messaging auto-configuration and one listener. */
    @SpringBootApplication
    static class TestService {
    }

    /** Records the SwarmStats it decodes; poison fails decoding. */
    @Component
    static class StatsListener {
        final List<UUID> received = new CopyOnWriteArrayList<>();
        private final EventCodec codec;

        StatsListener(EventCodec codec) {
            this.codec = codec;
        }

        @KafkaListener(topics = Topics.SWARM_STATS, groupId = "messaging-it")
        void on(ConsumerRecord<String, byte[]> record) {
            received.add(codec.decode(record.value(), SwarmStats.class).eventId());
        }
    }
}
