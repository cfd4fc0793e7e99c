package org.everseed.metafile.config;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Optional;
import org.everseed.bittorrent.metainfo.TorrentFormat;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
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
 * @param defaultFormat the torrent format of publications that ask for none: {@code v1}, {@code v2} or
 *     {@code hybrid} (BEP 3, BEP 52); default {@code hybrid}
 * @param udpTrackerUrl the UDP tracker's announce URL (BEP 15), such as {@code udp://tracker.example:6969/announce},
 *     added to {@code announce-list} after the HTTP one (BEP 12); default none
 * @param torrentMinSize smallest file for which {@code GET /files/{id}/{name}?torrent} (or {@code Accept:
 *     application/x-bittorrent}) answers with the .torrent; smaller files are sent as they are; default 1 MB
 * @param comment the {@code comment} field of new torrents; default none
 */
@Validated
@ConfigurationProperties("everseed.metafile")
public record MetafileProperties(
        @DefaultValue("${everseed.public-base-url:http://localhost:8080}") @NotBlank String publicBaseUrl,
        @DefaultValue("Everseed 0.1") @NotBlank String createdBy,
        @DefaultValue("0") @Min(0) int hashingThreads,
        @DefaultValue("10m") Duration eventTimeout,
        @DefaultValue("hybrid") @NotNull TorrentFormat defaultFormat,
        String udpTrackerUrl,
        @DefaultValue("1MB") @NotNull DataSize torrentMinSize,
        String comment) {

    /** The base URL without a trailing slash. */
    public String baseUrl() {
        return publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1) : publicBaseUrl;
    }

    /** The UDP tracker URL, if configured and not blank. */
    public Optional<String> udpTracker() {
        return Optional.ofNullable(udpTrackerUrl).filter(u -> !u.isBlank());
    }

    /** The torrent comment, if configured and not blank. */
    public Optional<String> torrentComment() {
        return Optional.ofNullable(comment).filter(c -> !c.isBlank());
    }

    /** The number of hashing threads to use: {@link #hashingThreads} or the available cores. */
    public int effectiveHashingThreads() {
        return hashingThreads > 0 ? hashingThreads : Runtime.getRuntime().availableProcessors();
    }
}
