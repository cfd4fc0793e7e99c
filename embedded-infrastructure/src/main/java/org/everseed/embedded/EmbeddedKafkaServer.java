package org.everseed.embedded;

import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Apache Kafka broker in KRaft mode, running inside this JVM as one combined broker and controller node on a
 * persistent log directory chosen by the caller.
 *
 * <p>The directory is formatted on first use (a new cluster id) and reused afterwards with all its topics, records and
 * committed offsets. The client listener is {@code PLAINTEXT://127.0.0.1:<port>}; the controller listener gets a free
 * loopback port on every start (the quorum is static, so it may change between restarts). Settings are those of a
 * single node: replication factor 1 everywhere, automatic topic creation, small segments, no initial rebalance delay
 * (see {@link #defaultSettings}).
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    /** How long to wait for the broker to answer a metadata request after startup. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    /** How long {@link #close()} waits for the broker and controller to shut down before giving up on them. */
    public static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    /** Size of a log segment, in bytes: small, so that an embedded broker's disk use stays small. */
    public static final int SEGMENT_BYTES = 8 * 1024 * 1024;
    /** Memory for the log cleaner's deduplication (compacted topics such as {@code __consumer_offsets}), in bytes. */
    public static final long CLEANER_DEDUPE_BUFFER_BYTES = 8L * 1024 * 1024;
    /** How many times a start with automatically chosen ports is retried when a port was taken meanwhile. */
    public static final int BIND_ATTEMPTS = 3;
    /** How long the controller keeps a silent broker registered; bounds the extra start time after a crash. */
    public static final Duration BROKER_SESSION_TIMEOUT = Duration.ofSeconds(3);
    /** How often the broker heartbeats to the controller; well below {@link #BROKER_SESSION_TIMEOUT}. */
    public static final Duration BROKER_HEARTBEAT_INTERVAL = Duration.ofMillis(500);
    /** This node's id, as broker and as the only controller. */
    public static final int NODE_ID = 1;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaServer.class);
    private static final String CLIENT_LISTENER = "PLAINTEXT";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final String HOST = "127.0.0.1";

    private final KafkaRaftServer server;
    private final Path logDirectory;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedKafkaServer(KafkaRaftServer server, Path logDirectory, int port) {
        this.server = server;
        this.logDirectory = logDirectory;
        this.port = port;
    }

    /**
     * Starts a broker with the {@linkplain #defaultSettings default settings}.
     *
     * @param logDirectory the log (and metadata) directory; created and formatted if needed
     * @param port client port on 127.0.0.1, or 0 for a free one
     * @return the running broker, answering metadata requests
     * @throws IllegalArgumentException if the port is outside 0..65535
     * @throws IllegalStateException if the broker does not start within {@link #STARTUP_TIMEOUT}
     */
    public static EmbeddedKafkaServer start(Path logDirectory, int port) {
        return start(logDirectory, port, Map.of());
    }

    /**
     * Starts a broker with the default settings overridden by {@code overrides} (Kafka broker configuration names).
     *
     * @param logDirectory the log (and metadata) directory; created and formatted if needed
     * @param port client port on 127.0.0.1, or 0 for a free one
     * @param overrides broker settings that replace or add to the defaults; listeners and directories cannot be
     *     overridden
     * @return the running broker, answering metadata requests
     * @throws IllegalArgumentException if the port is outside 0..65535 or an override is invalid
     * @throws IllegalStateException if the broker does not start within {@link #STARTUP_TIMEOUT}
     */
    public static EmbeddedKafkaServer start(Path logDirectory, int port, Map<String, String> overrides) {
        Objects.requireNonNull(logDirectory, "logDirectory");
        Objects.requireNonNull(overrides, "overrides");
        LocalPorts.requireValid(port);
        Path directory = logDirectory.toAbsolutePath().normalize();
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            int clientPort = LocalPorts.resolve(port);
            int controllerPort = LocalPorts.pickFree();
            try {
                EmbeddedKafkaServer broker = startOnce(directory, clientPort, controllerPort, overrides);
                log.info("Kafka (KRaft, broker+controller) started on {} with logs in {} in {} ms",
                        broker.bootstrapServers(), directory, Duration.ofNanos(System.nanoTime() - started).toMillis());
                return broker;
            } catch (IllegalStateException e) {
                boolean portTaken = hasCause(e, BindException.class);
                if (!portTaken || attempt >= BIND_ATTEMPTS || port != 0) {
                    throw e;
                }
                log.warn("Kafka port taken meanwhile (attempt {} of {}), retrying with other ports", attempt,
                        BIND_ATTEMPTS);
            }
        }
    }

    private static EmbeddedKafkaServer startOnce(Path directory, int clientPort, int controllerPort,
            Map<String, String> overrides) {
        Map<String, String> settings = defaultSettings();
        settings.putAll(overrides);
        settings.putAll(fixedSettings(directory, clientPort, controllerPort));
        KafkaConfig config;
        try {
            config = new KafkaConfig(settings, false);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid Kafka broker settings " + overrides + ": " + e.getMessage(), e);
        }
        try {
            Files.createDirectories(directory);
            KraftStorage.formatIfNeeded(directory, NODE_ID, CONTROLLER_LISTENER);
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka log directory " + directory + ": " + e.getMessage(), e);
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        EmbeddedKafkaServer broker = new EmbeddedKafkaServer(server, directory, clientPort);
        try {
            server.startup();
            broker.awaitReady();
            return broker;
        } catch (RuntimeException e) {
            broker.close();
            throw new IllegalStateException("Kafka did not start on 127.0.0.1:" + clientPort + " with logs in "
                    + directory + ": " + e.getMessage(), e);
        }
    }

    /**
     * The single-node settings every broker starts with, before overrides.
     *
     * @return a fresh, mutable map of Kafka broker settings
     */
    public static Map<String, String> defaultSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("num.partitions", "1");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("auto.create.topics.enable", "true");
        settings.put("log.segment.bytes", Integer.toString(SEGMENT_BYTES));
        settings.put("log.cleaner.dedupe.buffer.size", Long.toString(CLEANER_DEDUPE_BUFFER_BYTES));
        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "2");
        settings.put("background.threads", "2");
        settings.put("num.recovery.threads.per.data.dir", "1");
        // After an unclean stop the controller waits for the old broker session to expire before it lets the
        // restarted broker in: keep that wait short (defaults 9 s and 2 s).
        settings.put("broker.session.timeout.ms", Long.toString(BROKER_SESSION_TIMEOUT.toMillis()));
        settings.put("broker.heartbeat.interval.ms", Long.toString(BROKER_HEARTBEAT_INTERVAL.toMillis()));
        return settings;
    }

    private static Map<String, String> fixedSettings(Path directory, int clientPort, int controllerPort) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("process.roles", "broker,controller");
        settings.put("node.id", Integer.toString(NODE_ID));
        settings.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        settings.put("controller.listener.names", CONTROLLER_LISTENER);
        settings.put("inter.broker.listener.name", CLIENT_LISTENER);
        settings.put("listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort + ","
                + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        settings.put("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + clientPort);
        settings.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        settings.put("log.dirs", directory.toString());
        return settings;
    }

    private void awaitReady() {
        try (Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) STARTUP_TIMEOUT.toMillis()))) {
            admin.describeCluster().nodes().get(STARTUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Broker did not answer within " + STARTUP_TIMEOUT, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the broker", e);
        }
    }

    /** @return {@code 127.0.0.1:<port>}, for a client's {@code bootstrap.servers} */
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    /** @return the client port on 127.0.0.1 */
    public int port() {
        return port;
    }

    /** @return the log directory (absolute) */
    public Path logDirectory() {
        return logDirectory;
    }

    /**
     * Shuts the broker and controller down (controlled shutdown, logs flushed) and waits up to
     * {@link #SHUTDOWN_TIMEOUT}; past that it logs a warning and returns, leaving the shutdown to finish in the
     * background. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        Thread stopper = Thread.ofPlatform().name("kafka-shutdown-" + port).daemon().start(() -> {
            server.shutdown();
            server.awaitShutdown();
        });
        try {
            if (!stopper.join(SHUTDOWN_TIMEOUT)) {
                log.warn("Kafka on {} did not shut down within {}; continuing", bootstrapServers(), SHUTDOWN_TIMEOUT);
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("Interrupted while waiting for Kafka on {} to shut down", bootstrapServers());
            return;
        }
        log.info("Kafka on {} stopped in {} ms", bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
