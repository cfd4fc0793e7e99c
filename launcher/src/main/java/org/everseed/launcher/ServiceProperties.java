package org.everseed.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import org.everseed.embedded.EmbeddedInfrastructure;

/**
 * The properties several services share when they run side by side in the launcher's JVM. Each service plan starts
 * from {@link #common} and adds its own.
 */
final class ServiceProperties {

    /** How long each shutdown phase of a service may take (graceful HTTP shutdown included). */
    static final String SHUTDOWN_PHASE_TIMEOUT = "10s";

    /** Turns Spring Cloud Gateway off in the contexts that are not the gateway (its jar is on the shared classpath). */
    static final Map<String, String> GATEWAY_OFF = Map.of("spring.cloud.gateway.server.webflux.enabled", "false");

    /**
     * Log levels for the embedded engines, which share the JVM's logging with the services: Kafka's broker and
     * clients print their whole configuration at INFO. A user's {@code --logging.level.*} argument overrides these.
     */
    static final Map<String, String> ENGINE_LOG_LEVELS = Map.of(
            "kafka", "WARN",
            "org.apache.kafka", "WARN",
            "state.change.logger", "WARN",
            "io.zonky.test.db.postgres", "WARN");

    private ServiceProperties() {
    }

    /**
     * What every service gets: its config file name, its HTTP port, the public base URL, its own meter registry (not
     * the JVM-global one the others also use), a bounded graceful shutdown and {@link #ENGINE_LOG_LEVELS}.
     *
     * @param name the module name, used as {@code spring.config.name}
     * @param httpPort the service's HTTP port
     * @param settings the launcher settings
     * @return an ordered, mutable map
     */
    static Map<String, String> common(String name, int httpPort, LauncherSettings settings) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.config.name", name);
        properties.put("server.port", Integer.toString(httpPort));
        properties.put("everseed.public-base-url", settings.publicBaseUrl().toString());
        properties.put("management.metrics.use-global-registry", "false");
        properties.put("spring.lifecycle.timeout-per-shutdown-phase", SHUTDOWN_PHASE_TIMEOUT);
        // Boot would log "Starting EverseedLauncher" once per service; the launcher logs each service by name.
        properties.put("spring.main.log-startup-info", "false");
        ENGINE_LOG_LEVELS.forEach((logger, level) -> properties.put("logging.level." + logger, level));
        return properties;
    }

    /**
     * What a service with its own schema gets on top of {@link #common}: R2DBC, Flyway and Kafka pointed at the
     * embedded infrastructure (database {@value EmbeddedInfrastructure#DATABASE}, one schema per service), and Spring
     * Cloud Gateway switched off.
     *
     * @param name the module name
     * @param schema the service's schema
     * @param httpPort the service's HTTP port
     * @param settings the launcher settings
     * @param infrastructure the running PostgreSQL and Kafka
     * @return an ordered, mutable map
     */
    static Map<String, String> withDatabase(String name, String schema, int httpPort, LauncherSettings settings,
            EmbeddedInfrastructure infrastructure) {
        Map<String, String> properties = common(name, httpPort, settings);
        properties.putAll(infrastructure.springProperties(schema));
        properties.putAll(GATEWAY_OFF);
        return properties;
    }

    /**
     * @param settings the launcher settings
     * @return {@code everseed.blob-storage.root=<home>/blobs}
     */
    static Map<String, String> blobStorage(LauncherSettings settings) {
        return Map.of("everseed.blob-storage.root", settings.blobRoot().toString());
    }
}
