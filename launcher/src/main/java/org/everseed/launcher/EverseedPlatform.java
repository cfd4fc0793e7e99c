package org.everseed.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The whole platform running in this JVM: embedded PostgreSQL and Kafka, then the five services, each in its own
 * Spring application context, in the order events flow (consumers before producers, the public gateway last).
 */
public final class EverseedPlatform implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EverseedPlatform.class);

    private final LauncherSettings settings;
    private final EmbeddedInfrastructure infrastructure;
    private final List<ServicePlan> plans;
    private final List<ConfigurableApplicationContext> contexts;
    private final Duration infrastructureStartup;
    private final Duration startup;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EverseedPlatform(LauncherSettings settings, EmbeddedInfrastructure infrastructure, List<ServicePlan> plans,
            List<ConfigurableApplicationContext> contexts, Duration infrastructureStartup, Duration startup) {
        this.settings = settings;
        this.infrastructure = infrastructure;
        this.plans = List.copyOf(plans);
        this.contexts = List.copyOf(contexts);
        this.infrastructureStartup = infrastructureStartup;
        this.startup = startup;
    }

    /**
     * Starts everything and returns once every service has started (its web server listening).
     *
     * @param requested the settings; service ports of 0 are replaced by free ports first
     * @return the running platform
     * @throws IllegalStateException if anything fails to start; what had started is stopped again
     */
    public static EverseedPlatform start(LauncherSettings requested) {
        long started = System.nanoTime();
        LauncherSettings settings = requested.withServicePortsResolved();
        quietEngineLogs();
        try {
            Files.createDirectories(settings.blobRoot());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the blob directory " + settings.blobRoot(), e);
        }
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(settings.infrastructureRoot(),
                settings.postgresPort(), settings.kafkaPort());
        Duration infrastructureStartup = Duration.ofNanos(System.nanoTime() - started);
        List<ServicePlan> plans = plans(settings, infrastructure);
        List<ConfigurableApplicationContext> contexts = new ArrayList<>();
        try {
            for (ServicePlan plan : plans) {
                contexts.add(run(plan));
            }
        } catch (RuntimeException e) {
            closeAll(contexts);
            infrastructure.close();
            throw new IllegalStateException("Everseed did not start: " + e.getMessage(), e);
        }
        return new EverseedPlatform(settings, infrastructure, plans, contexts, infrastructureStartup,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * The services in start order, each with the user's extra properties applied last.
     *
     * @param settings the settings, ports resolved
     * @param infrastructure the running PostgreSQL and Kafka
     * @return metafile-service, tracker-service, seed-service, web-portal, api-gateway
     */
    static List<ServicePlan> plans(LauncherSettings settings, EmbeddedInfrastructure infrastructure) {
        return List.of(
                        MetafileServicePlan.create(settings, infrastructure),
                        TrackerServicePlan.create(settings, infrastructure),
                        SeedServicePlan.create(settings, infrastructure),
                        WebPortalPlan.create(settings, infrastructure),
                        ApiGatewayPlan.create(settings))
                .stream()
                .map(plan -> plan.with(settings.serviceProperties()))
                .toList();
    }

    /** Applies {@link ServiceProperties#ENGINE_LOG_LEVELS} before any service has configured logging. */
    private static void quietEngineLogs() {
        LoggingSystem logging = LoggingSystem.get(EverseedPlatform.class.getClassLoader());
        ServiceProperties.ENGINE_LOG_LEVELS.forEach((logger, level) -> logging.setLogLevel(logger, LogLevel.valueOf(level)));
    }

    private static ConfigurableApplicationContext run(ServicePlan plan) {
        long started = System.nanoTime();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(plan.application())
                .web(WebApplicationType.REACTIVE)
                .registerShutdownHook(false)
                .run(plan.arguments());
        log.info("{} started on port {} in {} ms", plan.name(), plan.httpPort(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return context;
    }

    /** @return the settings in force, with the ports actually used */
    public LauncherSettings settings() {
        return settings;
    }

    /** @return the origin every link handed out starts with */
    public URI publicBaseUrl() {
        return settings.publicBaseUrl();
    }

    /** @return the services, in start order */
    public List<ServicePlan> plans() {
        return plans;
    }

    /**
     * @param name a service's module name, e.g. {@code api-gateway}
     * @return that service's application context
     * @throws IllegalArgumentException if no service has that name
     */
    public ConfigurableApplicationContext context(String name) {
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).name().equals(name)) {
                return contexts.get(i);
            }
        }
        throw new IllegalArgumentException("No service named '" + name + "'");
    }

    /** @return the embedded PostgreSQL and Kafka */
    public EmbeddedInfrastructure infrastructure() {
        return infrastructure;
    }

    /** @return how long PostgreSQL and Kafka took to start */
    public Duration infrastructureStartup() {
        return infrastructureStartup;
    }

    /** @return how long the whole start took, infrastructure included */
    public Duration startup() {
        return startup;
    }

    /**
     * Stops the services in reverse start order (the gateway first), then Kafka, then PostgreSQL. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        long started = System.nanoTime();
        closeAll(contexts);
        infrastructure.close();
        log.info("Everseed stopped in {} ms", Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    private static void closeAll(List<ConfigurableApplicationContext> contexts) {
        List<ConfigurableApplicationContext> reversed = new ArrayList<>(contexts);
        Collections.reverse(reversed);
        for (ConfigurableApplicationContext context : reversed) {
            try {
                context.close();
            } catch (RuntimeException e) {
                log.warn("Service {} did not close cleanly: {}", context.getId(), e.toString());
            }
        }
    }
}
