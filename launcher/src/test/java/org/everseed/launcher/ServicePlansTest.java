package org.everseed.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.everseed.embedded.EmbeddedInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The properties each service gets from the launcher, against the real embedded infrastructure. */
class ServicePlansTest {

    private static List<ServicePlan> plans;
    private static EmbeddedInfrastructure infrastructure;

    @BeforeAll
    static void plan() {
        infrastructure = EmbeddedInfrastructure.shared();
        LauncherSettings settings = LauncherSettings.parse(new String[] {"--home=/srv/everseed",
                "--public-base-url=https://seed.example.org", "--logging.level.root=WARN"}, Map.of());
        plans = EverseedPlatform.plans(settings, infrastructure);
    }

    @Test
    void eachServiceReadsItsOwnConfigFileWhichExists() {
        for (ServicePlan plan : plans) {
            assertThat(plan.properties()).containsEntry("spring.config.name", plan.name());
            assertThat(Stream.of(".yml", ".yaml", ".properties")
                    .map(extension -> plan.application().getResource("/" + plan.name() + extension)))
                    .as("%s.yml (or .yaml, .properties) on the classpath", plan.name()).anyMatch(Objects::nonNull);
        }
    }

    @Test
    void servicesWithADatabaseGetTheirOwnSchemaAndNoGateway() {
        Map<String, String> schemas = Map.of("metafile-service", "metafile", "tracker-service", "tracker",
                "seed-service", "seed", "web-portal", "portal");
        for (ServicePlan plan : plans.subList(0, 4)) {
            String schema = schemas.get(plan.name());
            assertThat(plan.properties())
                    .containsAllEntriesOf(infrastructure.springProperties(schema))
                    .containsEntry("spring.flyway.schemas", schema)
                    .containsEntry("spring.cloud.gateway.server.webflux.enabled", "false")
                    .containsEntry("everseed.public-base-url", "https://seed.example.org")
                    .containsEntry("logging.level.root", "WARN");
        }
    }

    @Test
    void blobStorageLivesUnderTheHomeForPortalMetafileAndSeed() {
        for (ServicePlan plan : plans) {
            boolean storesBlobs = List.of("web-portal", "metafile-service", "seed-service").contains(plan.name());
            if (storesBlobs) {
                assertThat(plan.properties()).containsEntry("everseed.blob-storage.root", "/srv/everseed/blobs");
            } else {
                assertThat(plan.properties()).doesNotContainKey("everseed.blob-storage.root");
            }
        }
    }

    @Test
    void theGatewayRoutesToLocalPortsAndRunsNoDatabaseOrKafka() {
        ServicePlan gateway = plans.get(4);

        assertThat(gateway.name()).isEqualTo("api-gateway");
        assertThat(gateway.properties())
                .containsEntry("server.port", "8080")
                .containsEntry("everseed.gateway.portal-uri", "http://127.0.0.1:8081")
                .containsEntry("everseed.gateway.metafile-uri", "http://127.0.0.1:8082")
                .containsEntry("everseed.gateway.tracker-uri", "http://127.0.0.1:8083")
                .containsEntry("everseed.gateway.seed-uri", "http://127.0.0.1:8084")
                .doesNotContainKeys("spring.r2dbc.url", "spring.kafka.bootstrap-servers");
        assertThat(gateway.properties().get("spring.autoconfigure.exclude"))
                .contains("org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
                        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
                        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
                        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration");
    }

    @Test
    void torrentsNameTheUdpTrackerOnThePublicHost() {
        assertThat(plans.get(0).name()).isEqualTo("metafile-service");
        assertThat(plans.get(0).properties().get("everseed.metafile.udp-tracker-url")).isEqualTo("udp://seed.example.org:6969/announce");
    }

    @Test
    void theSeedKnowsWhereMetafileServiceIs() {
        assertThat(plans.get(2).properties()).containsEntry("everseed.seed.metafile-uri", "http://127.0.0.1:8082");
    }

    @Test
    void propertiesBecomeCommandLineArgumentsSoTheyOverrideConfigFiles() {
        ServicePlan plan = new ServicePlan("x", Object.class, 1, Map.of("server.port", "1"));

        assertThat(plan.arguments()).containsExactly("--server.port=1");
    }
}
