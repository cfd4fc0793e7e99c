package org.everseed.tracker.transport.udp;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.function.BiConsumer;
import org.everseed.bittorrent.tracker.PeerAddress;
import org.everseed.bittorrent.tracker.TrackerFailureException;
import org.everseed.bittorrent.tracker.TrackerRequestException;
import org.everseed.bittorrent.tracker.udp.UdpAnnounceFields;
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
import org.everseed.tracker.swarm.PeerSelection;
import org.everseed.tracker.swarm.PeerWords;
import org.everseed.tracker.swarm.Swarm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One UDP request in, at most one packet out (BEP 15), without Netty: a connect gets a fresh connection
 * id; an announce or a scrape is answered only if its connection id checks out for the source address,
 * and then a malformed request or a refusal gets an error packet. Anything else (short packets, bad
 * connection ids, a connect without the protocol id) gets silence, so the tracker never amplifies
 * traffic towards a spoofed source. Thread-safe; never blocks.
 */
public final class UdpTrackerExchange {
    private static final Logger log = LoggerFactory.getLogger(UdpTrackerExchange.class);
    /** The reason sent for an error of the tracker's own. */
    static final String INTERNAL = "internal tracker error, try again later";
    /** The longest answer: an announce with the most peers, all IPv6 (18 bytes each). */
    public static final int MAX_ANSWER_LENGTH = 20 + PeerSelection.CAPACITY * PeerAddress.COMPACT_IPV6_LENGTH;
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
     * The answer to {@code packet[0, length)} from {@code source}, written into {@code out} from offset 0,
     * or nothing for silence. An announce is decoded, recorded and answered without a response model:
     * the swarm's selection goes straight into {@code out}.
     *
     * @param out at least {@link #MAX_ANSWER_LENGTH} bytes
     * @param selection this thread's reusable selection
     * @param later gets the answer and {@code source}, on another thread, when a completed download had
     *     to be persisted first; the method then returns 0
     * @return the answer's length in {@code out}; 0 for silence or a later answer
     */
    public int answer(byte[] packet, int length, InetSocketAddress source, byte[] out, PeerSelection selection,
                      BiConsumer<byte[], InetSocketAddress> later) {
        UdpHeader header;
        try {
            header = UdpHeader.read(packet, length);
        } catch (TrackerRequestException e) {
            metrics.failed(TrackerProtocol.UDP, FailureReason.UNAUTHENTICATED);
            return 0;
        }
        byte[] ip = source.getAddress().getAddress();
        long ipHigh = PeerWords.ipHigh(ip);
        long ipLow = PeerWords.ipLow(ip);
        if (header.isConnect()) {
            return length == UdpTrackerProtocol.HEADER_LENGTH
                    ? copy(UdpResponseEncoder.connect(header.transactionId(), connectionIds.issue(ipHigh, ipLow)), out)
                    : 0;
        }
        if (!connectionIds.check(header.connectionId(), ipHigh, ipLow)) {
            metrics.failed(TrackerProtocol.UDP, FailureReason.UNAUTHENTICATED);
            return 0;
        }
        int tid = header.transactionId();
        try {
            if (header.action() == UdpTrackerProtocol.ACTION_ANNOUNCE) {
                UdpAnnounceFields.validate(packet, length);
                return announce(tid, packet, ipHigh, ipLow, source, out, selection, later);
            }
            return switch (UdpRequestDecoder.decode(packet, length)) {
                case UdpRequest.Scrape s -> {
                    metrics.scraped(TrackerProtocol.UDP);
                    yield copy(UdpResponseEncoder.scrape(tid, scrapes.statsInOrder(s.infoHashes())), out);
                }
                case UdpRequest.Announce a -> 0; // answered above, in place
                case UdpRequest.Connect c -> 0; // a connect is recognised above, from its header
            };
        } catch (RuntimeException e) {
            return copy(error(tid, e), out);
        }
    }

    /** An announce read in place from a validated packet, answered in place into {@code out}. */
    private int announce(int tid, byte[] packet, long ipHigh, long ipLow, InetSocketAddress source, byte[] out,
                         PeerSelection selection, BiConsumer<byte[], InetSocketAddress> later) {
        metrics.announced(TrackerProtocol.UDP);
        Swarm swarm = announces.announce(packet, UdpAnnounceFields.INFO_HASH_OFFSET, packet,
                UdpAnnounceFields.PEER_ID_OFFSET, ipHigh, ipLow, UdpAnnounceFields.port(packet),
                UdpAnnounceFields.left(packet), UdpAnnounceFields.event(packet), UdpAnnounceFields.numWant(packet),
                selection);
        int n = UdpResponseEncoder.announce(out, tid, announces.intervalSeconds(), selection.leechers(),
                selection.seeders(), selection, !PeerWords.isIpv4(ipHigh, ipLow));
        if (!selection.completedCounted()) {
            return n;
        }
        byte[] answer = Arrays.copyOf(out, n);
        announces.persistCompleted(swarm).subscribe(null, e -> later.accept(error(tid, e), source),
                () -> later.accept(answer, source));
        return 0;
    }

    private static int copy(byte[] answer, byte[] out) {
        System.arraycopy(answer, 0, out, 0, answer.length);
        return answer.length;
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
}
