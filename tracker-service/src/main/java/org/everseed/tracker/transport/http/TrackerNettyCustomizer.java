package org.everseed.tracker.transport.http;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * Puts {@link MalformedTargetHandler} right after the HTTP/1.1 codec of every connection, so malformed
 * announce and scrape targets get a {@code failure reason} instead of Spring's {@code 400}.
 */
@Component
public class TrackerNettyCustomizer implements NettyServerCustomizer {
    private static final MalformedTargetHandler HANDLER = new MalformedTargetHandler();

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, MalformedTargetHandler.NAME, HANDLER);
            }
        });
    }
}
