package org.everseed.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parsing of the launcher's arguments and environment. */
class LauncherSettingsTest {

    @Test
    void defaultsDescribeTheEmbeddedDefault() {
        LauncherSettings settings = LauncherSettings.parse(new String[0], Map.of());

        assertThat(settings.home()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(settings.blobRoot()).isEqualTo(Path.of("data", "blobs").toAbsolutePath());
        assertThat(settings.publicBaseUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(settings.postgresPort()).isEqualTo(15432);
        assertThat(settings.kafkaPort()).isEqualTo(19092);
        assertThat(settings.gatewayPort()).isEqualTo(8080);
        assertThat(settings.portalPort()).isEqualTo(8081);
        assertThat(settings.metafilePort()).isEqualTo(8082);
        assertThat(settings.trackerPort()).isEqualTo(8083);
        assertThat(settings.seedPort()).isEqualTo(8084);
        assertThat(settings.trackerUdpPort()).isEqualTo(6969);
        assertThat(settings.seedPeerPort()).isEqualTo(6881);
        assertThat(settings.serviceProperties()).isEmpty();
    }

    @Test
    void argumentsWinOverTheEnvironment() {
        LauncherSettings settings = LauncherSettings.parse(
                new String[] {"--home=/srv/everseed", "--gateway-port=9090"},
                Map.of("EVERSEED_HOME", "/ignored", "EVERSEED_KAFKA_PORT", "29092",
                        "EVERSEED_PUBLIC_BASE_URL", "https://seed.example.org/"));

        assertThat(settings.home()).isEqualTo(Path.of("/srv/everseed"));
        assertThat(settings.gatewayPort()).isEqualTo(9090);
        assertThat(settings.kafkaPort()).isEqualTo(29092);
        assertThat(settings.publicBaseUrl()).isEqualTo(URI.create("https://seed.example.org"));
    }

    @Test
    void thePublicBaseUrlFollowsTheGatewayPortUnlessGiven() {
        assertThat(LauncherSettings.parse(new String[] {"--gateway-port=9090"}, Map.of()).publicBaseUrl())
                .isEqualTo(URI.create("http://localhost:9090"));
    }

    @Test
    void dottedKeysArePassedToTheServices() {
        LauncherSettings settings = LauncherSettings.parse(new String[] {"--logging.level.root=WARN"}, Map.of());

        assertThat(settings.serviceProperties()).containsExactly(Map.entry("logging.level.root", "WARN"));
    }

    @Test
    void rejectsBadInputWithTheReason() {
        assertThatThrownBy(() -> LauncherSettings.parse(new String[] {"--colour=blue"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Unknown setting '--colour'");
        assertThatThrownBy(() -> LauncherSettings.parse(new String[] {"home=/x"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("expected --key=value");
        assertThatThrownBy(() -> LauncherSettings.parse(new String[] {"--kafka-port=abc"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Setting 'kafka-port' must be a port number, got 'abc'");
        assertThatThrownBy(() -> LauncherSettings.parse(new String[] {"--seed-port=65536"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside 0..65535");
        assertThatThrownBy(() -> LauncherSettings.parse(new String[] {"--public-base-url=ftp://x"}, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("absolute http(s) URL");
    }

    @Test
    void resolvesServicePortsOfZeroButLeavesTheEnginesToTheInfrastructure() {
        LauncherSettings settings = LauncherSettings.parse(new String[] {"--gateway-port=0", "--portal-port=0",
                "--postgres-port=0", "--tracker-udp-port=0"}, Map.of()).withServicePortsResolved();

        assertThat(settings.gatewayPort()).isPositive();
        assertThat(settings.portalPort()).isPositive();
        assertThat(settings.trackerUdpPort()).isPositive();
        assertThat(settings.postgresPort()).isZero();
        assertThat(settings.publicBaseUrl()).isEqualTo(URI.create("http://localhost:" + settings.gatewayPort()));
    }
}
