package org.everseed.gateway.config;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The public routes, most specific first: tracker ({@code /announce}, {@code /scrape}), metainfo
 * ({@code /torrents/**}, {@code /api/v1/torrents/**}), everseeds ({@code /api/v1/everseeds/**}),
 * then everything else to the portal (pages, {@code /api/**}, {@code /files/**}).
 */
@Configuration(proxyBeanMethods = false)
public class RoutesConfiguration {

    /** The route table. */
    @Bean
    public RouteLocator everseedRoutes(RouteLocatorBuilder routes, GatewayRoutesProperties uris) {
        return routes.routes()
                .route("tracker", r -> r.path("/announce", "/scrape").uri(uris.trackerUri()))
                .route("metafile", r -> r.path("/torrents/**", "/api/v1/torrents", "/api/v1/torrents/**").uri(uris.metafileUri()))
                .route("seed", r -> r.path("/api/v1/everseeds", "/api/v1/everseeds/**").uri(uris.seedUri()))
                .route("portal", r -> r.path("/**").uri(uris.portalUri()))
                .build();
    }
}
