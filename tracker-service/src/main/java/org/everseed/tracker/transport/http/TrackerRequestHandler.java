package org.everseed.tracker.transport.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * Answers {@code GET /announce} and {@code GET /scrape} in the Netty pipeline, right after the HTTP/1.1
 * codec, before Reactor Netty and WebFlux see them: the tracker's hot path costs one handler call, no
 * reactive chain, no {@code java.net.URI} (so a malformed target such as {@code %ZZ} gets the parser's
 * {@code failure reason}, HTTP 200, instead of a framework {@code 400}). Every other request (actuator)
 * passes on untouched. Responses are {@code 200 text/plain} with {@code Content-Length}, in request
 * order even when one waits for the database (HTTP/1.1 pipelining); the connection stays open unless
 * the client asked otherwise ({@code Connection: close}, HTTP/1.0 without keep-alive). One instance per
 * connection; runs on its event loop.
 */
final class TrackerRequestHandler extends ChannelInboundHandlerAdapter {
    /** The pipeline name of this handler. */
    static final String NAME = "everseed.tracker";
    private static final AsciiString TEXT_PLAIN = AsciiString.cached("text/plain");
    private final HttpTrackerExchange exchange;
    /** Answers not written yet, oldest first; only the oldest may go out. */
    private final ArrayDeque<Slot> pending = new ArrayDeque<>();
    /** Whether the parts after a request this handler took are swallowed until its last part. */
    private boolean swallowing;
    private boolean closing;
    /** Whether this read batch held a request of ours, so this handler asks for the next read. */
    private boolean tookRequest;

    TrackerRequestHandler(HttpTrackerExchange exchange) {
        this.exchange = exchange;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && isTrackerRequest(request)) {
            swallowing = !(msg instanceof LastHttpContent);
            tookRequest = true;
            try {
                handle(ctx, request);
            } finally {
                ReferenceCountUtil.release(msg);
            }
        } else if (swallowing && msg instanceof HttpContent content) {
            swallowing = !(content instanceof LastHttpContent);
            content.release();
        } else {
            ctx.fireChannelRead(msg);
        }
    }

    /**
     * Reactor Netty reads on demand (auto-read off) and asks for the next read when its own response is
     * done; requests answered here never reach it, so this handler asks instead.
     */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (tookRequest) {
            tookRequest = false;
            if (!ctx.channel().config().isAutoRead()) {
                ctx.read();
            }
        }
        ctx.fireChannelReadComplete();
    }

    private void handle(ChannelHandlerContext ctx, HttpRequest request) {
        if (closing) {
            return; // a request pipelined after "Connection: close"
        }
        String target = request.uri();
        int q = target.indexOf('?');
        String path = path(target, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        Slot slot = new Slot(ctx, request.protocolVersion(), HttpUtil.isKeepAlive(request));
        pending.add(slot);
        if (path.equals("/scrape")) {
            slot.accept(exchange.scrape(query));
        } else {
            exchange.announce(query, (InetSocketAddress) ctx.channel().remoteAddress(),
                    request.headers().getAll("X-Forwarded-For"), slot);
        }
    }

    /** Writes the answers that are ready, oldest first, stopping at the first one still waiting. */
    private void drain() {
        Slot head;
        while ((head = pending.peek()) != null && head.body != null) {
            pending.poll();
            FullHttpResponse response = new DefaultFullHttpResponse(head.version, HttpResponseStatus.OK,
                    Unpooled.wrappedBuffer(head.body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, TEXT_PLAIN)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, head.body.length);
            HttpUtil.setKeepAlive(response, head.keepAlive);
            if (head.keepAlive) {
                head.ctx.writeAndFlush(response, head.ctx.voidPromise());
            } else {
                closing = true;
                pending.clear();
                head.ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }

    private static boolean isTrackerRequest(HttpRequest request) {
        if (!request.method().equals(HttpMethod.GET) || !request.decoderResult().isSuccess()) {
            return false;
        }
        String target = request.uri();
        String path = path(target, target.indexOf('?'));
        return path.equals("/announce") || path.equals("/scrape");
    }

    /** The path of an origin-form ({@code /announce?…}) or absolute-form ({@code http://host/announce?…}) target. */
    private static String path(String target, int queryStart) {
        int end = queryStart < 0 ? target.length() : queryStart;
        int start = 0;
        if (!target.startsWith("/")) {
            int scheme = target.indexOf("://");
            int slash = scheme < 0 ? -1 : target.indexOf('/', scheme + 3);
            if (slash < 0 || slash > end) {
                return "";
            }
            start = slash;
        }
        return target.substring(start, end);
    }

    /** One request's place in the answer order; filled once, on the event loop. */
    private final class Slot implements Consumer<byte[]> {
        final ChannelHandlerContext ctx;
        final HttpVersion version;
        final boolean keepAlive;
        byte[] body;

        Slot(ChannelHandlerContext ctx, HttpVersion version, boolean keepAlive) {
            this.ctx = ctx;
            this.version = version;
            this.keepAlive = keepAlive;
        }

        @Override
        public void accept(byte[] answer) {
            if (ctx.executor().inEventLoop()) {
                body = answer;
                drain();
            } else {
                ctx.executor().execute(() -> accept(answer));
            }
        }
    }
}
