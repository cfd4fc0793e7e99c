package org.everseed.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's two engines, real and in-process: PostgreSQL ({@code <root>/postgres}) and a KRaft Kafka broker
 * ({@code <root>/kafka}), started together under one root directory whose data survives restarts.
 *
 * <p>All services share one database, {@value #DATABASE}, with one schema each; {@link #springProperties(String)}
 * gives a service the Spring Boot properties that point its R2DBC, Flyway and Kafka at them. Tests use the JVM-wide
 * {@link #shared()} instance from a {@code @DynamicPropertySource}:
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry registry) {
 *     EmbeddedInfrastructure.shared().springProperties("tracker").forEach((k, v) -> registry.add(k, () -> v));
 * }
 * }</pre>
 */
public final class EmbeddedInfrastructure implements AutoCloseable {

    /** The one database all services use, one schema each. */
    public static final String DATABASE = "everseed";
    /** Subdirectory of the root holding the PostgreSQL cluster. */
    public static final String POSTGRES_DIRECTORY = "postgres";
    /** Subdirectory of the root holding Kafka's logs and metadata. */
    public static final String KAFKA_DIRECTORY = "kafka";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);
    private static EmbeddedInfrastructure shared;

    private final Path root;
    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;

    private EmbeddedInfrastructure(Path root, EmbeddedPostgresServer postgres, EmbeddedKafkaServer kafka) {
        this.root = root;
        this.postgres = postgres;
        this.kafka = kafka;
    }

    /**
     * Starts PostgreSQL and Kafka on free ports under {@code root}.
     *
     * @param root the directory for both engines' data; created if missing
     * @return the running infrastructure, with database {@value #DATABASE} created
     * @throws IllegalStateException if either engine does not start (the other one is stopped again)
     */
    public static EmbeddedInfrastructure start(Path root) {
        return start(root, 0, 0);
    }

    /**
     * Starts PostgreSQL and Kafka, in parallel, under {@code root}, and creates database {@value #DATABASE} if missing.
     *
     * @param root the directory for both engines' data; created if missing
     * @param postgresPort PostgreSQL's port on 127.0.0.1, 0 for a free one
     * @param kafkaPort Kafka's client port on 127.0.0.1, 0 for a free one
     * @return the running infrastructure
     * @throws IllegalArgumentException if a port is outside 0..65535
     * @throws IllegalStateException if either engine does not start (the other one is stopped again)
     */
    public static EmbeddedInfrastructure start(Path root, int postgresPort, int kafkaPort) {
        return start(root, postgresPort, kafkaPort, true);
    }

    /**
     * Starts both engines as {@link #start(Path, int, int)} does; {@code flushToDisk = false} trades PostgreSQL's
     * crash safety for speed (see {@link EmbeddedPostgresServer#start(Path, int, boolean)}), for throw-away data.
     *
     * @param root the directory for both engines' data; created if missing
     * @param postgresPort PostgreSQL's port on 127.0.0.1, 0 for a free one
     * @param kafkaPort Kafka's client port on 127.0.0.1, 0 for a free one
     * @param flushToDisk whether PostgreSQL commits wait for the disk
     * @return the running infrastructure
     */
    static EmbeddedInfrastructure start(Path root, int postgresPort, int kafkaPort, boolean flushToDisk) {
        Objects.requireNonNull(root, "root");
        LocalPorts.requireValid(postgresPort);
        LocalPorts.requireValid(kafkaPort);
        Path directory = root.toAbsolutePath().normalize();
        long started = System.nanoTime();
        CompletableFuture<EmbeddedPostgresServer> postgresStart = CompletableFuture.supplyAsync(() -> {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start(
                    directory.resolve(POSTGRES_DIRECTORY), postgresPort, flushToDisk);
            try {
                server.createDatabaseIfMissing(DATABASE);
                return server;
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }, runnable -> Thread.ofPlatform().name("postgres-start").start(runnable));
        EmbeddedKafkaServer kafka;
        try {
            kafka = EmbeddedKafkaServer.start(directory.resolve(KAFKA_DIRECTORY), kafkaPort);
        } catch (RuntimeException e) {
            postgresStart.thenAccept(EmbeddedPostgresServer::close);
            throw e;
        }
        EmbeddedPostgresServer postgres;
        try {
            postgres = postgresStart.join();
        } catch (CompletionException e) {
            kafka.close();
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
        log.info("Embedded infrastructure started under {} in {} ms: PostgreSQL {}, Kafka {}", directory,
                Duration.ofNanos(System.nanoTime() - started).toMillis(), postgres.jdbcUrl(DATABASE),
                kafka.bootstrapServers());
        return new EmbeddedInfrastructure(directory, postgres, kafka);
    }

    /**
     * The JVM-wide instance for tests: started on first call in a new temporary directory on free ports, with
     * PostgreSQL not waiting for the disk (the data is thrown away), stopped and deleted by a shutdown hook when the
     * JVM exits.
     *
     * @return the shared, running infrastructure
     * @throws IllegalStateException if it cannot start
     */
    public static synchronized EmbeddedInfrastructure shared() {
        if (shared == null) {
            Path root;
            try {
                root = Files.createTempDirectory("everseed-infrastructure-");
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create a temporary directory for the shared infrastructure", e);
            }
            EmbeddedInfrastructure started = start(root, 0, 0, false);
            Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("everseed-infrastructure-shutdown")
                    .unstarted(() -> {
                        started.close();
                        deleteRecursively(root);
                    }));
            shared = started;
        }
        return shared;
    }

    /** @return the root directory (absolute) */
    public Path root() {
        return root;
    }

    /** @return the PostgreSQL server */
    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /** @return the Kafka broker */
    public EmbeddedKafkaServer kafka() {
        return kafka;
    }

    /** @return {@code 127.0.0.1:<port>} of the Kafka broker */
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** @return the JDBC URL of database {@value #DATABASE} */
    public String jdbcUrl() {
        return postgres.jdbcUrl(DATABASE);
    }

    /**
     * @param schema the service's schema (lower-case SQL identifier)
     * @return the R2DBC URL of database {@value #DATABASE} with {@code schema} as search path
     * @throws IllegalArgumentException if the schema name is not a plain lower-case identifier
     */
    public String r2dbcUrl(String schema) {
        return postgres.r2dbcUrl(DATABASE) + "?schema=" + EmbeddedPostgresServer.requireIdentifier(schema, "schema");
    }

    /**
     * The Spring Boot properties that connect one service to this infrastructure: Kafka, R2DBC with {@code schema} as
     * search path, and Flyway migrating {@code schema} (created by Flyway if missing) over its own JDBC URL.
     *
     * @param schema the service's schema (lower-case SQL identifier), e.g. {@code tracker}
     * @return an ordered, unmodifiable map of {@code spring.kafka.bootstrap-servers}, {@code spring.r2dbc.url},
     *     {@code spring.r2dbc.username}, {@code spring.r2dbc.password}, {@code spring.flyway.url},
     *     {@code spring.flyway.user}, {@code spring.flyway.password}, {@code spring.flyway.schemas} and
     *     {@code spring.flyway.default-schema}
     * @throws IllegalArgumentException if the schema name is not a plain lower-case identifier
     */
    public Map<String, String> springProperties(String schema) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.kafka.bootstrap-servers", kafkaBootstrapServers());
        properties.put("spring.r2dbc.url", r2dbcUrl(schema));
        properties.put("spring.r2dbc.username", postgres.username());
        properties.put("spring.r2dbc.password", postgres.password());
        properties.put("spring.flyway.url", jdbcUrl());
        properties.put("spring.flyway.user", postgres.username());
        properties.put("spring.flyway.password", postgres.password());
        properties.put("spring.flyway.schemas", schema);
        properties.put("spring.flyway.default-schema", schema);
        return Collections.unmodifiableMap(properties);
    }

    /**
     * Stops Kafka, then PostgreSQL. Data stays in {@link #root()}. Idempotent.
     */
    @Override
    public void close() {
        try {
            kafka.close();
        } finally {
            postgres.close();
        }
    }

    private static void deleteRecursively(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path directory, IOException error) throws IOException {
                    Files.deleteIfExists(directory);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            log.warn("Could not delete {}: {}", root, e.getMessage());
        }
    }
}
