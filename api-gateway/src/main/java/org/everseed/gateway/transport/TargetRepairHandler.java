package org.everseed.gateway.transport;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;

/**
 * Sits right after the HTTP codec and applies {@link RequestTargets#repair} to every request
 * target, so that Spring's request adapter does not answer a malformed one with its own 400.
 * Stateless and {@link ChannelHandler.Sharable}.
 */
@ChannelHandler.Sharable
public final class TargetRepairHandler extends ChannelInboundHandlerAdapter {
    /** The pipeline name of this handler. */
    public static final String NAME = "everseed.targetRepair";

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            String target = request.uri();
            String repaired = RequestTargets.repair(target);
            if (!repaired.equals(target)) {
                request.setUri(repaired);
            }
        }
        ctx.fireChannelRead(msg);
    }
}
