package org.everseed.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server (zonky's embedded binaries, PostgreSQL 17) run as a child process of this JVM, on a
 * persistent data directory chosen by the caller.
 *
 * <p>Running as root: PostgreSQL refuses to run with uid 0. When this JVM runs as root, zonky starts {@code initdb},
 * {@code pg_ctl} and {@code postgres} through {@code unshare -U}, i.e. in a fresh user namespace where the process is
 * the overflow user ({@code nobody}) and root-owned files look owned by that same user, so both the root check and
 * PostgreSQL's data-directory ownership check pass. {@link #start} verifies this up front and fails with an explanation
 * when user namespaces are unavailable (e.g. a container whose seccomp profile forbids {@code unshare}).
 *
 * <p>Authentication is {@code trust} on the loopback interface only, so {@link #password()} is accepted but not
 * checked. The server listens on 127.0.0.1 only.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** How long to wait for the server to accept connections after {@code pg_ctl start}. */
    public static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    /** {@code max_connections}: five services with R2DBC pools of ten, Flyway, and tests, with room to spare. */
    public static final int MAX_CONNECTIONS = 200;
    /** The superuser that {@code initdb} creates and every URL uses. */
    public static final String USERNAME = "postgres";
    /** The password handed to clients; authentication is {@code trust}, so it is not checked. */
    public static final String PASSWORD = "postgres";
    /** The address the server listens on and every URL names. */
    public static final String HOST = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
    }

    /**
     * Starts PostgreSQL, with commits flushed to disk, on the given data directory, running {@code initdb} first if the directory holds no cluster
     * yet; an existing cluster is reused with all its data. A postmaster left running on this directory by a JVM that
     * died without closing it is stopped first.
     *
     * @param dataDirectory the cluster's directory; created if missing
     * @param port TCP port on 127.0.0.1, or 0 for a free one
     * @return the running server
     * @throws IllegalArgumentException if the port is outside 0..65535
     * @throws IllegalStateException if the server cannot start (the cause and PostgreSQL's output are logged)
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
        return start(dataDirectory, port, true);
    }

    /**
     * Starts PostgreSQL as {@link #start(Path, int)} does, choosing whether commits wait for the disk.
     *
     * @param dataDirectory the cluster's directory; created if missing
     * @param port TCP port on 127.0.0.1, or 0 for a free one
     * @param flushToDisk {@code true} for PostgreSQL's defaults ({@code fsync} and {@code synchronous_commit} on: a
     *     committed row survives a power loss); {@code false} for zonky's test defaults (both off: faster, and a
     *     committed row still survives the JVM or PostgreSQL being killed, but not the machine crashing)
     * @return the running server
     * @throws IllegalArgumentException if the port is outside 0..65535
     * @throws IllegalStateException if the server cannot start (the cause and PostgreSQL's output are logged)
     */
    public static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean flushToDisk) {
        Objects.requireNonNull(dataDirectory, "dataDirectory");
        LocalPorts.requireValid(port);
        RootUserNamespace.requireUsableIfRoot();
        Path directory = dataDirectory.toAbsolutePath().normalize();
        long started = System.nanoTime();
        try {
            Files.createDirectories(directory);
            OrphanedPostmaster.stopIfAny(directory);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (flushToDisk) {
                // zonky starts postgres with -F (fsync off) and synchronous_commit=off; -c options given later win.
                builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on");
            }
            EmbeddedPostgres postgres = builder
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(STARTUP_TIMEOUT)
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", HOST)
                    .setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
                    .start();
            EmbeddedPostgresServer server = new EmbeddedPostgresServer(postgres, directory);
            log.info("PostgreSQL started on {}:{} with data in {} in {} ms",
                    HOST, server.port(), directory, Duration.ofNanos(System.nanoTime() - started).toMillis());
            return server;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("PostgreSQL did not start on data directory " + directory
                    + " (port " + port + "): " + e.getMessage(), e);
        }
    }

    /** @return the TCP port the server listens on, on 127.0.0.1 */
    public int port() {
        return postgres.getPort();
    }

    /** @return the cluster's data directory (absolute) */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** @return the user name for every connection: {@value #USERNAME} */
    public String username() {
        return USERNAME;
    }

    /** @return the password for every connection: {@value #PASSWORD} (accepted, not checked: trust authentication) */
    public String password() {
        return PASSWORD;
    }

    /**
     * @param database a database name (lower-case SQL identifier)
     * @return {@code jdbc:postgresql://127.0.0.1:<port>/<database>}
     * @throws IllegalArgumentException if the name is not a plain lower-case identifier
     */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port() + "/" + requireIdentifier(database, "database");
    }

    /**
     * @param database a database name (lower-case SQL identifier)
     * @return {@code r2dbc:postgresql://127.0.0.1:<port>/<database>}
     * @throws IllegalArgumentException if the name is not a plain lower-case identifier
     */
    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://" + HOST + ":" + port() + "/" + requireIdentifier(database, "database");
    }

    /**
     * Creates the database unless it exists. Idempotent.
     *
     * @param database a database name (lower-case SQL identifier)
     * @throws IllegalArgumentException if the name is not a plain lower-case identifier
     * @throws IllegalStateException if the server rejects the statement
     */
    public void createDatabaseIfMissing(String database) {
        requireIdentifier(database, "database");
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USERNAME, PASSWORD);
                PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet found = exists.executeQuery()) {
                if (found.next()) {
                    return;
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE " + database);
                log.info("Created database {}", database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stops the server ({@code pg_ctl stop -m fast}: open sessions are ended, committed data is kept) and waits for it.
     * Idempotent.
     *
     * @throws UncheckedIOException if {@code pg_ctl} fails
     */
    @Override
    public void close() {
        long started = System.nanoTime();
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL on " + dataDirectory + " did not stop cleanly", e);
        }
        log.info("PostgreSQL on {} stopped in {} ms", dataDirectory,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /**
     * Checks a name before it is put into SQL text or a URL.
     *
     * @param name the name to check
     * @param what what the name is, for the error message
     * @return the name
     * @throws IllegalArgumentException unless it matches {@code [a-z_][a-z0-9_]{0,62}}
     */
    static String requireIdentifier(String name, String what) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid " + what + " name '" + name
                    + "': use a lower-case SQL identifier matching " + IDENTIFIER.pattern());
        }
        return name;
    }
}
