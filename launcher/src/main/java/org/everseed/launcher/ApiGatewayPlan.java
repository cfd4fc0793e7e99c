package org.everseed.launcher;

import java.util.List;
import java.util.Map;
import org.everseed.gateway.ApiGatewayApplication;

/**
 * Plans api-gateway: HTTP on {@code gateway-port} (8080), routes to the other services' local ports, and none of the
 * database or Kafka auto-configurations that the shared classpath would otherwise switch on (the gateway has no
 * database and no events).
 */
final class ApiGatewayPlan {

    /** The module name, also the config file name. */
    static final String NAME = "api-gateway";

    /**
     * Auto-configurations the gateway must not run although their jars are on the launcher's classpath (Spring Boot 4
     * class names; classes absent from the classpath are ignored by Spring Boot's exclusion check).
     */
    static final List<String> EXCLUDED_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcInitializationAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.health.ConnectionFactoryHealthContributorAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.metrics.ConnectionPoolMetricsAutoConfiguration",
            "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
            "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcRepositoriesAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration",
            "org.everseed.messaging.KafkaMessagingAutoConfiguration",
            "org.everseed.messaging.outbox.OutboxAutoConfiguration");

    private ApiGatewayPlan() {
    }

    /**
     * @param settings the launcher settings, ports resolved
     * @return the plan
     */
    static ServicePlan create(LauncherSettings settings) {
        Map<String, String> properties = ServiceProperties.common(NAME, settings.gatewayPort(), settings);
        properties.put("spring.autoconfigure.exclude", String.join(",", EXCLUDED_AUTO_CONFIGURATIONS));
        properties.put("everseed.gateway.portal-uri", LauncherSettings.localHttp(settings.portalPort()).toString());
        properties.put("everseed.gateway.metafile-uri", LauncherSettings.localHttp(settings.metafilePort()).toString());
        properties.put("everseed.gateway.tracker-uri", LauncherSettings.localHttp(settings.trackerPort()).toString());
        properties.put("everseed.gateway.seed-uri", LauncherSettings.localHttp(settings.seedPort()).toString());
        return new ServicePlan(NAME, ApiGatewayApplication.class, settings.gatewayPort(), properties);
    }
}
