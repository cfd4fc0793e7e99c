package org.everseed.gateway.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the gateway sends each path, prefix {@code everseed.gateway}.
 *
 * @param portalUri web-portal: pages, {@code /api/**}, {@code /files/**}; default http://127.0.0.1:8081
 * @param metafileUri metafile-service: {@code /torrents/**}, {@code /api/v1/torrents/**}; default http://127.0.0.1:8082
 * @param trackerUri tracker-service: {@code /announce}, {@code /scrape}; default http://127.0.0.1:8083
 * @param seedUri seed-service: {@code /api/v1/everseeds/**}; default http://127.0.0.1:8084
 */
@Validated
@ConfigurationProperties("everseed.gateway")
public record GatewayRoutesProperties(
        @NotNull @DefaultValue("http://127.0.0.1:8081") URI portalUri,
        @NotNull @DefaultValue("http://127.0.0.1:8082") URI metafileUri,
        @NotNull @DefaultValue("http://127.0.0.1:8083") URI trackerUri,
        @NotNull @DefaultValue("http://127.0.0.1:8084") URI seedUri) {
}
