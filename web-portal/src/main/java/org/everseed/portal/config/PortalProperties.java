package org.everseed.portal.config;

import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Portal settings, prefix {@code everseed.portal}.
 *
 * @param publicBaseUrl the platform's public origin, from which every link handed out is built;
 *     default {@code http://localhost:8080}; {@code web-portal.yml} takes it from the shared key {@code everseed.public-base-url}
 * @param maxUploadSize largest file accepted by an upload; default 64 GB
 */
@Validated
@ConfigurationProperties("everseed.portal")
public record PortalProperties(
        @NotNull @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @NotNull @DefaultValue("64GB") DataSize maxUploadSize) {

    /** The base URL without a trailing slash. */
    public String base() {
        String s = publicBaseUrl.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
