package org.everseed.tracker.transport.http;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.TrackerFailureException;
import org.everseed.bittorrent.tracker.TrackerRequestException;
import org.everseed.bittorrent.tracker.http.AnnounceRequestParser;
import org.everseed.bittorrent.tracker.http.AnnounceResponseEncoder;
import org.everseed.bittorrent.tracker.http.CompactAnnounceEncoder;
import org.everseed.bittorrent.tracker.http.PeerListForm;
import org.everseed.bittorrent.tracker.http.ScrapeRequestParser;
import org.everseed.bittorrent.tracker.http.ScrapeResponseEncoder;
import org.everseed.tracker.announce.AnnounceService;
import org.everseed.tracker.metrics.FailureReason;
import org.everseed.tracker.metrics.TrackerMetrics;
import org.everseed.tracker.metrics.TrackerProtocol;
import org.everseed.tracker.scrape.ScrapeService;
import org.everseed.tracker.swarm.PeerSelection;
import org.everseed.tracker.swarm.Swarm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code GET /announce} and {@code GET /scrape} without Netty or web types: parses the raw query (never
 * a decoded one: info_hash is binary), calls the core, and hands the bencoded body to a callback. A
 * compact announce (BEP 23, the usual case) is written straight from the swarm's selection by
 * {@link CompactAnnounceEncoder}, with no response model. A malformed request or a refusal is a
 * {@code failure reason} body (BEP 3); so is an unexpected error, logged, with a generic reason.
 * Thread-safe; never blocks. The body is handed over at once, on the caller's thread, unless a completed
 * download must be persisted first (then later, on another thread).
 */
@Component
public class HttpTrackerExchange {
    private static final Logger log = LoggerFactory.getLogger(HttpTrackerExchange.class);
    /** The reason sent for an error of the tracker's own. */
    static final String INTERNAL = "internal tracker error, try again later";
    /** Per thread (Netty event loops): the peer selection and the encoding buffer, reused. */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    private final AnnounceService announces;
    private final ScrapeService scrapes;
    private final ClientAddressResolver addresses;
    private final TrackerMetrics metrics;

    /** Wires the exchange. */
    public HttpTrackerExchange(AnnounceService announces, ScrapeService scrapes, ClientAddressResolver addresses,
                               TrackerMetrics metrics) {
        this.announces = announces;
        this.scrapes = scrapes;
        this.addresses = addresses;
        this.metrics = metrics;
    }

    /**
     * Answers an announce (BEP 3).
     *
     * @param rawQuery the query as received, without {@code ?}, still percent-encoded
     * @param remote the TCP peer
     * @param forwardedFor the {@code X-Forwarded-For} values, believed only from a trusted proxy
     * @param reply gets the body exactly once
     */
    public void announce(String rawQuery, InetSocketAddress remote, List<String> forwardedFor, Consumer<byte[]> reply) {
        metrics.announced(TrackerProtocol.HTTP);
        try {
            AnnounceRequest request = AnnounceRequestParser.parse(rawQuery);
            InetSocketAddress peer = addresses.resolve(remote, forwardedFor);
            PeerListForm form = PeerListForm.of(request);
            if (form != PeerListForm.COMPACT) {
                announces.announce(request, peer).map(r -> AnnounceResponseEncoder.encode(r, form))
                        .subscribe(reply, e -> reply.accept(failure(e)));
                return;
            }
            Scratch scratch = SCRATCH.get();
            PeerSelection selection = scratch.selection;
            Swarm swarm = announces.announce(request, peer.getAddress(), selection);
            int length = CompactAnnounceEncoder.encode(scratch.body, announces.intervalSeconds(),
                    announces.minIntervalSeconds(), selection.seeders(), selection.leechers(), selection);
            byte[] body = Arrays.copyOf(scratch.body, length);
            if (selection.completedCounted()) {
                announces.persistCompleted(swarm).subscribe(null, e -> reply.accept(failure(e)),
                        () -> reply.accept(body));
            } else {
                reply.accept(body);
            }
        } catch (RuntimeException e) {
            reply.accept(failure(e));
        }
    }

    /**
     * Answers a scrape (BEP 48) at once.
     *
     * @param rawQuery the query as received, without {@code ?}, still percent-encoded
     * @return the body
     */
    public byte[] scrape(String rawQuery) {
        metrics.scraped(TrackerProtocol.HTTP);
        try {
            return ScrapeResponseEncoder.encode(scrapes.scrape(ScrapeRequestParser.parse(rawQuery)));
        } catch (RuntimeException e) {
            return failure(e);
        }
    }

    private byte[] failure(Throwable error) {
        metrics.failed(TrackerProtocol.HTTP, FailureReason.of(error));
        String reason = switch (error) {
            case TrackerRequestException e -> e.reason();
            case TrackerFailureException e -> e.failureReason();
            default -> {
                log.error("Tracker request failed", error);
                yield INTERNAL;
            }
        };
        return AnnounceResponseEncoder.failure(reason);
    }

    /** A thread's reusable buffers. */
    private static final class Scratch {
        final PeerSelection selection = new PeerSelection();
        final byte[] body = new byte[CompactAnnounceEncoder.maxLength(PeerSelection.CAPACITY)];
    }

}
