package org.everseed.tracker.transport.udp;

import java.net.InetSocketAddress;
import java.util.Arrays;
import org.everseed.bittorrent.tracker.TrackerFailureException;
import org.everseed.bittorrent.tracker.TrackerRequestException;
import org.everseed.bittorrent.tracker.udp.UdpHeader;
import org.everseed.bittorrent.tracker.udp.UdpRequest;
import org.everseed.bittorrent.tracker.udp.UdpRequestDecoder;
import org.everseed.bittorrent.tracker.udp.UdpResponseEncoder;
import org.everseed.bittorrent.tracker.udp.UdpTrackerProtocol;
import org.everseed.tracker.announce.AnnounceService;
import org.everseed.tracker.metrics.FailureReason;
import org.everseed.tracker.metrics.TrackerMetrics;
import org.everseed.tracker.metrics.TrackerProtocol;
import org.everseed.tracker.scrape.ScrapeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * One UDP request in, at most one packet out (BEP 15), without Netty: a connect gets a fresh connection
 * id; an announce or a scrape is answered only if its connection id checks out for the source address,
 * and then a malformed request or a refusal gets an error packet. Anything else (short packets, bad
 * connection ids, a connect without the protocol id) gets silence, so the tracker never amplifies
 * traffic towards a spoofed source. Thread-safe; never blocks.
 */
public final class UdpTrackerExchange {
    private static final Logger log = LoggerFactory.getLogger(UdpTrackerExchange.class);
    private static final byte[] IPV4_MAPPED_PREFIX = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
    /** The reason sent for an error of the tracker's own. */
    static final String INTERNAL = "internal tracker error, try again later";
    private final AnnounceService announces;
    private final ScrapeService scrapes;
    private final ConnectionIds connectionIds;
    private final TrackerMetrics metrics;

    /** Wires the exchange. */
    public UdpTrackerExchange(AnnounceService announces, ScrapeService scrapes, ConnectionIds connectionIds,
                              TrackerMetrics metrics) {
        this.announces = announces;
        this.scrapes = scrapes;
        this.connectionIds = connectionIds;
        this.metrics = metrics;
    }

    /**
     * The answer to {@code packet[0, length)} from {@code source}, or empty for silence.
     *
     * @return the packet to send back to {@code source}; completes at once unless a completed download
     *     must be persisted first
     */
    public Mono<byte[]> answer(byte[] packet, int length, InetSocketAddress source) {
        UdpHeader header;
        try {
            header = UdpHeader.read(packet, length);
        } catch (TrackerRequestException e) {
            metrics.failed(TrackerProtocol.UDP, FailureReason.UNAUTHENTICATED);
            return Mono.empty();
        }
        byte[] ip = ipOf(source);
        if (header.isConnect()) {
            return length == UdpTrackerProtocol.HEADER_LENGTH
                    ? Mono.just(UdpResponseEncoder.connect(header.transactionId(), connectionIds.issue(ip)))
                    : Mono.empty();
        }
        if (!connectionIds.check(header.connectionId(), ip)) {
            metrics.failed(TrackerProtocol.UDP, FailureReason.UNAUTHENTICATED);
            return Mono.empty();
        }
        int tid = header.transactionId();
        boolean ipv6 = ip.length == 16;
        try {
            return switch (UdpRequestDecoder.decode(packet, length)) {
                case UdpRequest.Announce a -> {
                    metrics.announced(TrackerProtocol.UDP);
                    yield announces.announce(a.announce(), source)
                            .map(r -> UdpResponseEncoder.announce(tid, r, ipv6))
                            .onErrorResume(e -> Mono.just(error(tid, e)));
                }
                case UdpRequest.Scrape s -> {
                    metrics.scraped(TrackerProtocol.UDP);
                    yield Mono.just(UdpResponseEncoder.scrape(tid, scrapes.statsInOrder(s.infoHashes())));
                }
                case UdpRequest.Connect c -> Mono.empty(); // a connect is recognised above, from its header
            };
        } catch (RuntimeException e) {
            return Mono.just(error(tid, e));
        }
    }

    private byte[] error(int transactionId, Throwable e) {
        FailureReason reason = FailureReason.of(e);
        metrics.failed(TrackerProtocol.UDP, reason);
        String message = switch (e) {
            case TrackerRequestException r -> r.reason();
            case TrackerFailureException f -> f.failureReason();
            default -> {
                log.error("UDP tracker request failed", e);
                yield INTERNAL;
            }
        };
        return UdpResponseEncoder.error(transactionId, message);
    }

    /** The source's IP bytes; an IPv4-mapped IPv6 address (dual-stack socket) as its 4 IPv4 bytes. */
    static byte[] ipOf(InetSocketAddress source) {
        byte[] ip = source.getAddress().getAddress();
        return ip.length == 16 && Arrays.equals(ip, 0, 12, IPV4_MAPPED_PREFIX, 0, 12)
                ? Arrays.copyOfRange(ip, 12, 16) : ip;
    }
}
