package org.everseed.seed.web;

import java.net.URI;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import org.everseed.bittorrent.tracker.http.AnnounceQueryEncoder;
import org.everseed.bittorrent.tracker.http.AnnounceResponseDecoder;
import org.everseed.seed.announce.TrackerClient;
import org.everseed.seed.config.SeedProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * Announces over HTTP(S) (BEP 3): the query is built by the protocol library (info_hash and peer_id
 * percent-encoded byte by byte, BEP 23 compact) and sent as is; the bencoded body is decoded by it.
 * Tracker bodies above 1 MiB are refused.
 */
@Component
public class HttpTrackerClient implements TrackerClient {
    private static final int MAX_BODY = 1024 * 1024;
    private final WebClient web;
    private final SeedProperties properties;

    /** @param properties gives {@code http-timeout} */
    public HttpTrackerClient(SeedProperties properties) {
        this.properties = properties;
        this.web = WebClient.builder().codecs(c -> c.defaultCodecs().maxInMemorySize(MAX_BODY)).build();
    }

    @Override
    public Mono<AnnounceResponse> announce(String announceUrl, AnnounceRequest request) {
        URI uri = URI.create(AnnounceQueryEncoder.url(announceUrl, request));
        return web.get().uri(uri)
                .retrieve()
                .bodyToMono(byte[].class)
                .timeout(properties.httpTimeout())
                .map(AnnounceResponseDecoder::decode);
    }

    @Override
    public boolean supports(String announceUrl) {
        return announceUrl.startsWith("http://") || announceUrl.startsWith("https://");
    }
}
