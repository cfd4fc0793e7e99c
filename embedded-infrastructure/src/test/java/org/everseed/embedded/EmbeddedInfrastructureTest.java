package org.everseed.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Starts the real engines, uses them, restarts them on the same directory and finds the data again. */
class EmbeddedInfrastructureTest {

    private static final String TOPIC = "embedded-smoke";
    private static final Duration POLL_LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path root;

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void keepsKafkaRecordsAndPostgresRowsAcrossARestart() throws Exception {
        try (EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(root)) {
            produce(infrastructure.kafkaBootstrapServers(), "info-hash-1", "first");
            assertThat(consumeAll(infrastructure.kafkaBootstrapServers(), "group-a", 1))
                    .containsExactly("info-hash-1=first");
            try (Connection connection = connect(infrastructure); Statement sql = connection.createStatement()) {
                sql.execute("CREATE SCHEMA smoke");
                sql.execute("CREATE TABLE smoke.publication (id INT PRIMARY KEY, name TEXT NOT NULL)");
                sql.execute("INSERT INTO smoke.publication VALUES (1, 'ubuntu.iso')");
                assertThat(names(sql)).containsExactly("ubuntu.iso");
                assertThat(setting(sql, "fsync")).isEqualTo("on");
                assertThat(setting(sql, "synchronous_commit")).isEqualTo("on");
            }
        }

        try (EmbeddedInfrastructure restarted = EmbeddedInfrastructure.start(root)) {
            produce(restarted.kafkaBootstrapServers(), "info-hash-2", "second");
            assertThat(consumeAll(restarted.kafkaBootstrapServers(), "group-b", 2))
                    .containsExactly("info-hash-1=first", "info-hash-2=second");
            try (Connection connection = connect(restarted); Statement sql = connection.createStatement()) {
                assertThat(names(sql)).containsExactly("ubuntu.iso");
            }
        }
    }

    @Test
    void springPropertiesPointAServiceAtItsSchema() {
        EmbeddedInfrastructure shared = EmbeddedInfrastructure.shared();
        Map<String, String> properties = shared.springProperties("tracker");

        assertThat(properties).containsEntry("spring.kafka.bootstrap-servers", shared.kafkaBootstrapServers())
                .containsEntry("spring.r2dbc.url", "r2dbc:postgresql://127.0.0.1:" + shared.postgres().port()
                        + "/everseed?schema=tracker")
                .containsEntry("spring.r2dbc.username", "postgres")
                .containsEntry("spring.r2dbc.password", "postgres")
                .containsEntry("spring.flyway.url", "jdbc:postgresql://127.0.0.1:" + shared.postgres().port() + "/everseed")
                .containsEntry("spring.flyway.user", "postgres")
                .containsEntry("spring.flyway.password", "postgres")
                .containsEntry("spring.flyway.schemas", "tracker")
                .containsEntry("spring.flyway.default-schema", "tracker")
                .hasSize(9);
        assertThat(EmbeddedInfrastructure.shared()).isSameAs(shared);
    }

    @Test
    void rejectsSchemaNamesThatAreNotPlainIdentifiers() {
        EmbeddedInfrastructure shared = EmbeddedInfrastructure.shared();

        assertThatThrownBy(() -> shared.springProperties("tracker; DROP SCHEMA x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid schema name 'tracker; DROP SCHEMA x'");
        assertThatThrownBy(() -> shared.springProperties("Tracker"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> shared.postgres().createDatabaseIfMissing(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid database name ''");
    }

    @Test
    void rejectsPortsOutOfRangeBeforeStartingAnything() {
        assertThatThrownBy(() -> EmbeddedInfrastructure.start(root, 70_000, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Port 70000 is outside 0..65535");
        assertThatThrownBy(() -> EmbeddedKafkaServer.start(root, -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Port -1");
    }

    @Test
    void createsTheDatabaseOnlyOnce() throws SQLException {
        EmbeddedPostgresServer postgres = EmbeddedInfrastructure.shared().postgres();

        postgres.createDatabaseIfMissing("twice");
        postgres.createDatabaseIfMissing("twice");

        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl("twice"), postgres.username(),
                postgres.password())) {
            assertThat(connection.isValid(5)).isTrue();
        }
    }

    private static Connection connect(EmbeddedInfrastructure infrastructure) throws SQLException {
        return DriverManager.getConnection(infrastructure.jdbcUrl(), infrastructure.postgres().username(),
                infrastructure.postgres().password());
    }

    private static String setting(Statement sql, String name) throws SQLException {
        try (ResultSet row = sql.executeQuery("SELECT current_setting('" + name + "')")) {
            row.next();
            return row.getString(1);
        }
    }

    private static List<String> names(Statement sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery("SELECT name FROM smoke.publication ORDER BY id")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static void produce(String bootstrapServers, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    private static List<String> consumeAll(String bootstrapServers, String group, int expected) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, group,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + POLL_LIMIT.toNanos();
            while (seen.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    seen.add(record.key() + "=" + record.value());
                }
            }
        }
        return seen;
    }
}
