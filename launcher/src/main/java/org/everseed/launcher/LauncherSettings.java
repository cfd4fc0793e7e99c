package org.everseed.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * What the launcher starts and where: read from {@code --key=value} arguments, else {@code EVERSEED_KEY} environment
 * variables (upper case, dashes as underscores), else the defaults below. A port of 0 means "any free port".
 *
 * @param home the data directory holding {@code postgres/}, {@code kafka/} and {@code blobs/}; key {@code home},
 *     default {@value #DEFAULT_HOME}
 * @param publicBaseUrl the origin every link the platform hands out starts with; key {@code public-base-url},
 *     default {@code http://localhost:<gateway-port>}
 * @param postgresPort PostgreSQL on 127.0.0.1; key {@code postgres-port}, default {@value #DEFAULT_POSTGRES_PORT}
 * @param kafkaPort Kafka on 127.0.0.1; key {@code kafka-port}, default {@value #DEFAULT_KAFKA_PORT}
 * @param gatewayPort api-gateway HTTP, the public origin; key {@code gateway-port}, default
 *     {@value #DEFAULT_GATEWAY_PORT}
 * @param portalPort web-portal HTTP; key {@code portal-port}, default {@value #DEFAULT_PORTAL_PORT}
 * @param metafilePort metafile-service HTTP; key {@code metafile-port}, default {@value #DEFAULT_METAFILE_PORT}
 * @param trackerPort tracker-service HTTP; key {@code tracker-port}, default {@value #DEFAULT_TRACKER_PORT}
 * @param trackerUdpPort tracker-service UDP (BEP 15); key {@code tracker-udp-port}, default
 *     {@value #DEFAULT_TRACKER_UDP_PORT}
 * @param seedPort seed-service HTTP; key {@code seed-port}, default {@value #DEFAULT_SEED_PORT}
 * @param seedPeerPort seed-service peer wire TCP (BEP 3); key {@code seed-peer-port}, default
 *     {@value #DEFAULT_SEED_PEER_PORT}
 * @param serviceProperties further Spring properties ({@code --some.property=value}, any key with a dot) given to
 *     every service, overriding the launcher's own
 */
public record LauncherSettings(
        Path home,
        URI publicBaseUrl,
        int postgresPort,
        int kafkaPort,
        int gatewayPort,
        int portalPort,
        int metafilePort,
        int trackerPort,
        int trackerUdpPort,
        int seedPort,
        int seedPeerPort,
        Map<String, String> serviceProperties) {

    /** Default data directory, relative to the working directory. */
    public static final String DEFAULT_HOME = "./data";
    /** Default PostgreSQL port. */
    public static final int DEFAULT_POSTGRES_PORT = 15432;
    /** Default Kafka port. */
    public static final int DEFAULT_KAFKA_PORT = 19092;
    /** Default api-gateway port. */
    public static final int DEFAULT_GATEWAY_PORT = 8080;
    /** Default web-portal port. */
    public static final int DEFAULT_PORTAL_PORT = 8081;
    /** Default metafile-service port. */
    public static final int DEFAULT_METAFILE_PORT = 8082;
    /** Default tracker-service HTTP port. */
    public static final int DEFAULT_TRACKER_PORT = 8083;
    /** Default tracker-service UDP port. */
    public static final int DEFAULT_TRACKER_UDP_PORT = 6969;
    /** Default seed-service HTTP port. */
    public static final int DEFAULT_SEED_PORT = 8084;
    /** Default seed-service peer wire port. */
    public static final int DEFAULT_SEED_PEER_PORT = 6881;
    /** Prefix of the environment variables read. */
    public static final String ENVIRONMENT_PREFIX = "EVERSEED_";

    /** How to use the launcher, printed for {@code --help} and after a bad argument. */
    public static final String USAGE = """
            Usage: java -jar everseed.jar [--key=value ...]
              --home=DIR                data directory (postgres/, kafka/, blobs/)   default ./data
              --public-base-url=URL     origin of every link handed out             default http://localhost:<gateway-port>
              --postgres-port=N         embedded PostgreSQL on 127.0.0.1            default 15432
              --kafka-port=N            embedded Kafka on 127.0.0.1                 default 19092
              --gateway-port=N          api-gateway (the public origin)             default 8080
              --portal-port=N --metafile-port=N --tracker-port=N --seed-port=N      default 8081..8084
              --tracker-udp-port=N      tracker UDP announces                       default 6969
              --seed-peer-port=N        everseed peer wire (TCP)                    default 6881
              --some.spring.property=V  passed to every service
            Each key can also be set as EVERSEED_<KEY> in the environment, e.g. EVERSEED_HOME. Port 0 = any free port.
            """;

    /** Normalizes and checks the settings; see the class description for the rules. */
    public LauncherSettings {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(publicBaseUrl, "publicBaseUrl");
        home = home.toAbsolutePath().normalize();
        requireHttpUrl(publicBaseUrl);
        for (int port : new int[] {postgresPort, kafkaPort, gatewayPort, portalPort, metafilePort, trackerPort,
                trackerUdpPort, seedPort, seedPeerPort}) {
            requirePort(port);
        }
        serviceProperties = Map.copyOf(serviceProperties);
    }

    /**
     * Reads the settings.
     *
     * @param args {@code --key=value} arguments; keys as in the class description, or Spring properties (with a dot)
     * @param environment the process environment, for {@code EVERSEED_*} variables
     * @return the settings
     * @throws IllegalArgumentException for an unknown key, a malformed argument, a bad port or URL
     */
    public static LauncherSettings parse(String[] args, Map<String, String> environment) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> serviceProperties = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || arg.indexOf('=') < 3) {
                throw new IllegalArgumentException("Malformed argument '" + arg + "': expected --key=value");
            }
            String key = arg.substring(2, arg.indexOf('='));
            String value = arg.substring(arg.indexOf('=') + 1);
            if (key.contains(".")) {
                serviceProperties.put(key, value);
            } else if (Key.isKnown(key)) {
                values.put(key, value);
            } else {
                throw new IllegalArgumentException("Unknown setting '--" + key + "'");
            }
        }
        UnaryOperator<String> lookup = key -> values.getOrDefault(key,
                environment.get(ENVIRONMENT_PREFIX + key.toUpperCase(Locale.ROOT).replace('-', '_')));
        int gatewayPort = port(lookup, Key.GATEWAY_PORT, DEFAULT_GATEWAY_PORT);
        String publicBaseUrl = lookup.apply(Key.PUBLIC_BASE_URL);
        return new LauncherSettings(
                Path.of(Objects.requireNonNullElse(lookup.apply(Key.HOME), DEFAULT_HOME)),
                publicBaseUrl == null ? URI.create("http://localhost:" + gatewayPort) : url(publicBaseUrl),
                port(lookup, Key.POSTGRES_PORT, DEFAULT_POSTGRES_PORT),
                port(lookup, Key.KAFKA_PORT, DEFAULT_KAFKA_PORT),
                gatewayPort,
                port(lookup, Key.PORTAL_PORT, DEFAULT_PORTAL_PORT),
                port(lookup, Key.METAFILE_PORT, DEFAULT_METAFILE_PORT),
                port(lookup, Key.TRACKER_PORT, DEFAULT_TRACKER_PORT),
                port(lookup, Key.TRACKER_UDP_PORT, DEFAULT_TRACKER_UDP_PORT),
                port(lookup, Key.SEED_PORT, DEFAULT_SEED_PORT),
                port(lookup, Key.SEED_PEER_PORT, DEFAULT_SEED_PEER_PORT),
                serviceProperties);
    }

    /** @return the embedded infrastructure's root: the home itself, which holds {@code postgres/} and {@code kafka/} */
    public Path infrastructureRoot() {
        return home;
    }

    /** @return {@code <home>/blobs}, where uploaded files are stored */
    public Path blobRoot() {
        return home.resolve("blobs");
    }

    /**
     * @param port a port of this configuration
     * @return {@code http://127.0.0.1:<port>}, how one service reaches another inside this machine
     */
    public static URI localHttp(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    /**
     * Replaces every service port of 0 by a port free right now, so that services can be told each other's ports
     * before they start. PostgreSQL's and Kafka's 0 stay 0: the embedded infrastructure resolves them itself.
     *
     * @return settings with concrete service ports
     */
    public LauncherSettings withServicePortsResolved() {
        int gateway = FreePort.resolve(gatewayPort);
        return new LauncherSettings(home,
                gatewayPort == 0 && "localhost".equals(publicBaseUrl.getHost()) && publicBaseUrl.getPort() == 0
                        ? URI.create("http://localhost:" + gateway) : publicBaseUrl,
                postgresPort, kafkaPort, gateway,
                FreePort.resolve(portalPort), FreePort.resolve(metafilePort), FreePort.resolve(trackerPort),
                FreePort.resolveUdp(trackerUdpPort), FreePort.resolve(seedPort), FreePort.resolve(seedPeerPort),
                serviceProperties);
    }

    private static int port(UnaryOperator<String> lookup, String key, int defaultPort) {
        String value = lookup.apply(key);
        if (value == null) {
            return defaultPort;
        }
        try {
            return requirePort(Integer.parseInt(value.strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting '" + key + "' must be a port number, got '" + value + "'", e);
        }
    }

    private static int requirePort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Port " + port + " is outside 0..65535 (0 picks a free port)");
        }
        return port;
    }

    private static URI url(String value) {
        try {
            return new URI(value.strip().replaceAll("/+$", ""));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Setting 'public-base-url' is not a URL: '" + value + "'", e);
        }
    }

    private static void requireHttpUrl(URI url) {
        if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("public-base-url must be an absolute http(s) URL, got '" + url + "'");
        }
    }

    /** The setting names, as used in arguments. */
    static final class Key {
        static final String HOME = "home";
        static final String PUBLIC_BASE_URL = "public-base-url";
        static final String POSTGRES_PORT = "postgres-port";
        static final String KAFKA_PORT = "kafka-port";
        static final String GATEWAY_PORT = "gateway-port";
        static final String PORTAL_PORT = "portal-port";
        static final String METAFILE_PORT = "metafile-port";
        static final String TRACKER_PORT = "tracker-port";
        static final String TRACKER_UDP_PORT = "tracker-udp-port";
        static final String SEED_PORT = "seed-port";
        static final String SEED_PEER_PORT = "seed-peer-port";

        private static final java.util.Set<String> ALL = java.util.Set.of(HOME, PUBLIC_BASE_URL, POSTGRES_PORT,
                KAFKA_PORT, GATEWAY_PORT, PORTAL_PORT, METAFILE_PORT, TRACKER_PORT, TRACKER_UDP_PORT, SEED_PORT,
                SEED_PEER_PORT);

        private Key() {
        }

        static boolean isKnown(String key) {
            return ALL.contains(key);
        }
    }
}
