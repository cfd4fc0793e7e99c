package org.everseed.gateway.config;

import org.everseed.gateway.filter.TorrentRequests;
import org.everseed.gateway.filter.VaryAcceptGatewayFilter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public routes, most specific first: tracker ({@code /announce}, {@code /scrape}), metainfo
 * ({@code /torrents/**}, {@code /api/v1/torrents/**}), the torrent behind a download URL
 * ({@code /files/{id}/{name}?torrent} or with {@code Accept: application/x-bittorrent}, rewritten to the metafile
 * service's {@code /torrents/by-publication/{id}}, see {@link TorrentRequests}), everseeds
 * ({@code /api/v1/everseeds/**}), download URLs ({@code /files/**}, with {@code Vary: Accept}), then everything
 * else to the portal (pages, {@code /api/**}).
 */
@Configuration(proxyBeanMethods = false)
public class RoutesConfiguration {

    /** The route table. */
    @Bean
    public RouteLocator everseedRoutes(RouteLocatorBuilder routes, GatewayRoutesProperties uris) {
        return routes.routes()
                .route("tracker", r -> r.path("/announce", "/scrape").uri(uris.trackerUri()))
                .route("metafile", r -> r.path("/torrents/**", "/api/v1/torrents", "/api/v1/torrents/**").uri(uris.metafileUri()))
                .route("torrent-behind-file", r -> r.predicate(TorrentRequests::wantsTorrent)
                        .filters(f -> f.rewritePath(TorrentRequests.FILE_PATH.pattern(), TorrentRequests.TARGET_PATH)
                                .filter(new VaryAcceptGatewayFilter()))
                        .uri(uris.metafileUri()))
                .route("seed", r -> r.path("/api/v1/everseeds", "/api/v1/everseeds/**").uri(uris.seedUri()))
                .route("files", r -> r.path("/files/**").filters(f -> f.filter(new VaryAcceptGatewayFilter()))
                        .uri(uris.portalUri()))
                .route("portal", r -> r.path("/**").uri(uris.portalUri()))
                .build();
    }
}
