package org.everseed.tracker.transport.http;

import java.net.InetSocketAddress;
import java.util.Optional;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.TrackerFailureException;
import org.everseed.bittorrent.tracker.TrackerRequestException;
import org.everseed.bittorrent.tracker.http.AnnounceRequestParser;
import org.everseed.bittorrent.tracker.http.AnnounceResponseEncoder;
import org.everseed.bittorrent.tracker.http.PeerListForm;
import org.everseed.bittorrent.tracker.http.ScrapeRequestParser;
import org.everseed.bittorrent.tracker.http.ScrapeResponseEncoder;
import org.everseed.tracker.announce.AnnounceService;
import org.everseed.tracker.metrics.FailureReason;
import org.everseed.tracker.metrics.TrackerMetrics;
import org.everseed.tracker.metrics.TrackerProtocol;
import org.everseed.tracker.scrape.ScrapeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /announce} and {@code GET /scrape}: parse the raw query (never a decoded one: info_hash is
 * binary), call the core, write bencode. A malformed request or a refusal is HTTP 200 with
 * {@code failure reason} (BEP 3); so is an unexpected error, logged, with a generic reason.
 */
@Component
public class TrackerHttpHandler {
    private static final Logger log = LoggerFactory.getLogger(TrackerHttpHandler.class);
    /** Media type of every tracker response. */
    static final MediaType BENCODE = MediaType.TEXT_PLAIN;
    /** The reason sent for an error of the tracker's own. */
    static final String INTERNAL = "internal tracker error, try again later";
    private static final InetSocketAddress UNKNOWN = new InetSocketAddress(0);
    private final AnnounceService announces;
    private final ScrapeService scrapes;
    private final ClientAddressResolver addresses;
    private final TrackerMetrics metrics;

    /** Wires the adapter. */
    public TrackerHttpHandler(AnnounceService announces, ScrapeService scrapes, ClientAddressResolver addresses,
                              TrackerMetrics metrics) {
        this.announces = announces;
        this.scrapes = scrapes;
        this.addresses = addresses;
        this.metrics = metrics;
    }

    /** Handles an announce. */
    public Mono<ServerResponse> announce(ServerRequest request) {
        metrics.announced(TrackerProtocol.HTTP);
        return Mono.defer(() -> {
            AnnounceRequest announce = AnnounceRequestParser.parse(rawQuery(request));
            InetSocketAddress peer = addresses.resolve(request.remoteAddress().orElse(UNKNOWN),
                    request.headers().header("X-Forwarded-For"));
            return announces.announce(announce, peer)
                    .map(r -> AnnounceResponseEncoder.encode(r, PeerListForm.of(announce)));
        }).onErrorResume(this::failureBody).flatMap(TrackerHttpHandler::ok);
    }

    /** Handles a scrape (BEP 48). */
    public Mono<ServerResponse> scrape(ServerRequest request) {
        metrics.scraped(TrackerProtocol.HTTP);
        return Mono.fromCallable(() -> ScrapeResponseEncoder.encode(
                        scrapes.scrape(ScrapeRequestParser.parse(rawQuery(request)))))
                .onErrorResume(this::failureBody)
                .flatMap(TrackerHttpHandler::ok);
    }

    /** The query as received: moved aside by {@link MalformedTargetHandler} if {@code java.net.URI} refused it. */
    private static String rawQuery(ServerRequest request) {
        return MalformedTargetHandler.rawQuery(Optional.ofNullable(
                request.headers().firstHeader(MalformedTargetHandler.RAW_QUERY_HEADER))).orElseGet(() -> {
                    String q = request.uri().getRawQuery();
                    return q == null ? "" : q;
                });
    }

    private Mono<byte[]> failureBody(Throwable error) {
        metrics.failed(TrackerProtocol.HTTP, FailureReason.of(error));
        String reason = switch (error) {
            case TrackerRequestException e -> e.reason();
            case TrackerFailureException e -> e.failureReason();
            default -> {
                log.error("Tracker request failed", error);
                yield INTERNAL;
            }
        };
        return Mono.just(AnnounceResponseEncoder.failure(reason));
    }

    private static Mono<ServerResponse> ok(byte[] body) {
        return ServerResponse.ok().contentType(BENCODE).bodyValue(body);
    }
}
