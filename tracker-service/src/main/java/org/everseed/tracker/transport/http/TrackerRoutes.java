package org.everseed.tracker.transport.http;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The HTTP routes of the tracker: {@code GET /announce} and {@code GET /scrape}. */
@Configuration(proxyBeanMethods = false)
public class TrackerRoutes {

    /** Routes announces and scrapes to {@code handler}. */
    @Bean
    public RouterFunction<ServerResponse> trackerRouter(TrackerHttpHandler handler) {
        return RouterFunctions.route(GET("/announce"), handler::announce)
                .andRoute(GET("/scrape"), handler::scrape);
    }
}
