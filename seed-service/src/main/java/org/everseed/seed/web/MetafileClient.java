package org.everseed.seed.web;

import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.metainfo.MetainfoLimits;
import org.everseed.seed.config.SeedProperties;
import org.everseed.seed.seeding.TorrentNotFoundException;
import org.everseed.seed.seeding.TorrentSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Fetches .torrent files from metafile-service: {@code GET {metafile-uri}/torrents/{infoHash}.torrent}
 * (hex info_hash), at most {@link MetainfoLimits#MAX_METAINFO_BYTES} bytes, within {@code http-timeout}.
 */
@Component
public class MetafileClient implements TorrentSource {
    private final WebClient web;
    private final SeedProperties properties;

    /** @param properties gives {@code metafile-uri} and {@code http-timeout} */
    public MetafileClient(SeedProperties properties) {
        this.properties = properties;
        this.web = WebClient.builder()
                .baseUrl(properties.metafileUri().toString())
                .codecs(c -> c.defaultCodecs().maxInMemorySize(MetainfoLimits.MAX_METAINFO_BYTES))
                .build();
    }

    @Override
    public Mono<byte[]> fetch(InfoHash infoHash) {
        return web.get().uri("/torrents/{hash}.torrent", infoHash.hex())
                .retrieve()
                .onStatus(s -> s.value() == HttpStatus.NOT_FOUND.value(),
                        r -> Mono.error(new TorrentNotFoundException(infoHash)))
                .bodyToMono(byte[].class)
                .timeout(properties.httpTimeout());
    }
}
