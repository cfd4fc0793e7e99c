package org.everseed.metafile.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Metafile service settings, prefix {@code everseed.metafile}.
 *
 * @param publicBaseUrl the public origin every link is built from (announce, .torrent, magnet); default
 *     {@code ${everseed.public-base-url}}, itself {@code http://localhost:8080}
 * @param createdBy the {@code created by} field of new torrents; default {@code Everseed 0.1}
 * @param hashingThreads threads that hash pieces in parallel; default 0, meaning one per available core
 * @param eventTimeout longest time to turn one {@code FileUploaded} into a stored torrent, hashing included;
 *     default 10 min (a 1 GiB file takes about a second)
 */
@Validated
@ConfigurationProperties("everseed.metafile")
public record MetafileProperties(
        @DefaultValue("${everseed.public-base-url:http://localhost:8080}") @NotBlank String publicBaseUrl,
        @DefaultValue("Everseed 0.1") @NotBlank String createdBy,
        @DefaultValue("0") @Min(0) int hashingThreads,
        @DefaultValue("10m") Duration eventTimeout) {

    /** The base URL without a trailing slash. */
    public String baseUrl() {
        return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** The number of hashing threads to use: {@link #hashingThreads} or the available cores. */
    public int effectiveHashingThreads() {
        return hashingThreads > 0 ? hashingThreads : Runtime.getRuntime().availableProcessors();
    }
}
