package org.everseed.tracker.transport.http;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Puts a {@link TrackerRequestHandler} right after the HTTP/1.1 codec of every connection, so announces
 * and scrapes are answered in the Netty pipeline and only the rest (actuator) reaches WebFlux.
 */
@Component
public class TrackerNettyCustomizer implements NettyServerCustomizer {
    private final HttpTrackerExchange exchange;

    /** @param exchange the tracker's HTTP exchange, shared by every connection's handler */
    public TrackerNettyCustomizer(HttpTrackerExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, TrackerRequestHandler.NAME,
                        new TrackerRequestHandler(exchange));
            }
        });
    }
}
