package org.everseed.tracker.transport.http;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Keeps announces and scrapes whose request target {@code java.net.URI} refuses (a malformed percent
 * escape such as {@code %ZZ}, a raw {@code "} or {@code |}) away from Spring's request adapter, which
 * would answer them {@code 400} before any handler runs. Sits in the Netty pipeline right after the HTTP
 * codec: for {@code /announce} and {@code /scrape} with such a target it moves the raw query, Base64
 * encoded, into the {@value #RAW_QUERY_HEADER} header and leaves only the path as the target; the
 * tracker handler then parses the original query and answers with the parser's {@code failure reason}
 * (HTTP 200, BEP 3). The header is removed from every incoming request first, so a client cannot set it.
 * Stateless and {@link ChannelHandler.Sharable}.
 */
@ChannelHandler.Sharable
public final class MalformedTargetHandler extends ChannelInboundHandlerAdapter {
    /** The internal header carrying the raw query of a rewritten request (Base64 of its ISO-8859-1 bytes). */
    public static final String RAW_QUERY_HEADER = "X-Everseed-Raw-Query";
    /** The pipeline name of this handler. */
    public static final String NAME = "everseed.malformedTarget";
    private static final Set<String> TRACKER_PATHS = Set.of("/announce", "/scrape");

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            request.headers().remove(RAW_QUERY_HEADER);
            String target = request.uri();
            int q = target.indexOf('?');
            if (q >= 0 && TRACKER_PATHS.contains(target.substring(0, q)) && !isUri(target)) {
                request.headers().set(RAW_QUERY_HEADER, Base64.getEncoder().encodeToString(
                        target.substring(q + 1).getBytes(StandardCharsets.ISO_8859_1)));
                request.setUri(target.substring(0, q));
            }
        }
        ctx.fireChannelRead(msg);
    }

    /** The raw query moved aside by this handler, from the header's value, if there was one. */
    public static Optional<String> rawQuery(Optional<String> headerValue) {
        return headerValue.map(v -> new String(Base64.getDecoder().decode(v), StandardCharsets.ISO_8859_1));
    }

    private static boolean isUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
