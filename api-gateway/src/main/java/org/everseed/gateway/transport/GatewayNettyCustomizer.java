package org.everseed.gateway.transport;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/** Puts {@link TargetRepairHandler} after the HTTP/1.1 codec of every gateway connection. */
@Component
public class GatewayNettyCustomizer implements NettyServerCustomizer {
    private static final TargetRepairHandler HANDLER = new TargetRepairHandler();

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, TargetRepairHandler.NAME, HANDLER);
            }
        });
    }
}
