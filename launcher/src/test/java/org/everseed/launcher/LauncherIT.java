package org.everseed.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the whole platform as the launcher does (real PostgreSQL and Kafka, five services in this JVM) on a temporary
 * home with free ports, checks that every service reports UP, then stops it and starts it again on the same home.
 */
class LauncherIT {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path home;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build();

    @Test
    @Timeout(value = 6, unit = TimeUnit.MINUTES)
    void everyServiceIsUpAndStaysUpAcrossARestartOnTheSameHome() throws Exception {
        LauncherSettings settings = LauncherSettings.parse(new String[] {
                "--home=" + home, "--postgres-port=0", "--kafka-port=0", "--gateway-port=0", "--portal-port=0",
                "--metafile-port=0", "--tracker-port=0", "--tracker-udp-port=0", "--seed-port=0",
                "--seed-peer-port=0"}, Map.of());

        try (EverseedPlatform platform = EverseedPlatform.start(settings)) {
            assertEveryServiceUp(platform);
            assertThat(platform.publicBaseUrl().getPort()).isEqualTo(platform.settings().gatewayPort());
            assertThat(home.resolve("postgres/PG_VERSION")).exists();
            assertThat(home.resolve("kafka/meta.properties")).exists();
            assertThat(home.resolve("blobs")).isDirectory();
            assertEachContextHasOnlyItsOwnInfrastructure(platform);
        }

        try (EverseedPlatform restarted = EverseedPlatform.start(settings)) {
            assertEveryServiceUp(restarted);
        }
    }

    /** The shared classpath must not give the gateway a database or Kafka, nor the others a gateway. */
    private static void assertEachContextHasOnlyItsOwnInfrastructure(EverseedPlatform platform) throws Exception {
        Class<?> connectionFactory = Class.forName("io.r2dbc.spi.ConnectionFactory");
        Class<?> flyway = Class.forName("org.flywaydb.core.Flyway");
        Class<?> kafkaTemplate = Class.forName("org.springframework.kafka.core.KafkaTemplate");
        Class<?> routeLocator = Class.forName("org.springframework.cloud.gateway.route.RouteLocator");
        ConfigurableApplicationContext gateway = platform.context("api-gateway");
        for (Class<?> type : List.of(connectionFactory, flyway, kafkaTemplate, javax.sql.DataSource.class)) {
            assertThat(gateway.getBeanNamesForType(type)).as("api-gateway beans of %s", type.getName()).isEmpty();
        }
        assertThat(gateway.getBeanNamesForType(routeLocator)).isNotEmpty();
        for (String service : List.of("metafile-service", "tracker-service", "seed-service", "web-portal")) {
            ConfigurableApplicationContext context = platform.context(service);
            assertThat(context.getBeanNamesForType(routeLocator)).as("%s route locators", service).isEmpty();
            assertThat(context.getBeanNamesForType(connectionFactory)).as("%s connection factory", service)
                    .hasSize(1);
            assertThat(context.getBeanNamesForType(javax.sql.DataSource.class)).as("%s JDBC pool", service).isEmpty();
        }
    }

    private void assertEveryServiceUp(EverseedPlatform platform) throws Exception {
        List<ServicePlan> plans = platform.plans();
        assertThat(plans).extracting(ServicePlan::name).containsExactly(
                "metafile-service", "tracker-service", "seed-service", "web-portal", "api-gateway");
        for (ServicePlan plan : plans) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + plan.httpPort() + "/actuator/health"))
                    .timeout(REQUEST_TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s health status", plan.name()).isEqualTo(200);
            assertThat(response.body()).as("%s health", plan.name()).contains("\"status\":\"UP\"");
        }
    }
}
