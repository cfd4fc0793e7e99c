package org.everseed.tracker.announce;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;
import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import org.everseed.bittorrent.tracker.TrackerFailureException;
import org.everseed.tracker.catalog.TorrentRepository;
import org.everseed.tracker.config.TrackerProperties;
import org.everseed.tracker.swarm.PeerSelection;
import org.everseed.tracker.swarm.PeerWords;
import org.everseed.tracker.swarm.Swarm;
import org.everseed.tracker.swarm.SwarmRegistry;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The announce core (BEP 3), whatever the transport: records the peer in its swarm and answers with
 * peers (at most {@code max-numwant}), counts, {@code interval} (plus up to {@code interval-jitter} at
 * random, so announces spread out) and {@code min interval}. A hybrid torrent's v1 and truncated v2
 * info_hash reach the same swarm (BEP 52). A completed download is persisted before the answer goes out.
 * Never blocks.
 */
@Service
public class AnnounceService {
    /** The failure reason for an info_hash the tracker was never told about. */
    public static final String UNREGISTERED = "unregistered torrent";
    private final SwarmRegistry registry;
    private final TorrentRepository repository;
    private final TrackerProperties properties;
    private final Clock clock;

    /** Wires the core. */
    public AnnounceService(SwarmRegistry registry, TorrentRepository repository, TrackerProperties properties,
                           Clock clock) {
        this.registry = registry;
        this.repository = repository;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Handles {@code request} from the peer whose IP is {@code remote}'s address; the peer's port is the
     * request's {@code port}, not the remote port.
     *
     * @return the response; errors with {@link TrackerFailureException} ({@value #UNREGISTERED}) for an
     *     info_hash that is not registered
     */
    public Mono<AnnounceResponse> announce(AnnounceRequest request, InetSocketAddress remote) {
        PeerSelection out = new PeerSelection();
        Swarm swarm;
        try {
            swarm = announce(request, remote.getAddress(), out);
        } catch (TrackerFailureException e) {
            return Mono.error(e);
        }
        AnnounceResponse response = AnnounceResponse.of(intervalSeconds(), minIntervalSeconds(), out.seeders(),
                out.leechers(), out.peers());
        return out.completedCounted() ? persistCompleted(swarm).thenReturn(response) : Mono.just(response);
    }

    /**
     * The hot path of {@link #announce(AnnounceRequest, InetSocketAddress)}: records the announce and
     * picks peers into {@code out}, building no response. If {@code out.completedCounted()}, the caller
     * answers only after {@link #persistCompleted} of the returned swarm succeeded.
     *
     * @param remote the peer's IP address (an IPv4-mapped IPv6 address counts as IPv4)
     * @return the swarm announced to
     * @throws TrackerFailureException ({@value #UNREGISTERED}) if the info_hash is not registered
     */
    public Swarm announce(AnnounceRequest request, InetAddress remote, PeerSelection out) {
        Swarm swarm = registry.get(request.infoHash());
        if (swarm == null) {
            throw new TrackerFailureException(UNREGISTERED);
        }
        byte[] ip = remote.getAddress();
        record(swarm, request.peerId().bytes(), 0, PeerWords.ipHigh(ip), PeerWords.ipLow(ip), request.port(),
                request.left(), request.event(), request.numWant(), out);
        return swarm;
    }

    /**
     * The same announce, read in place from a received packet (the UDP path): no request, info_hash or
     * peer_id objects. The peer's port is {@code port}, its address {@code (ipHigh, ipLow)}
     * ({@link PeerWords}).
     *
     * @param infoHash holds the 20-byte info_hash at {@code infoHashAt}
     * @param peerId holds the 20-byte peer_id at {@code peerIdAt}
     * @param numWant peers wanted, or {@link AnnounceRequest#NUMWANT_DEFAULT}
     * @return the swarm announced to
     * @throws TrackerFailureException ({@value #UNREGISTERED}) if the info_hash is not registered
     */
    public Swarm announce(byte[] infoHash, int infoHashAt, byte[] peerId, int peerIdAt, long ipHigh, long ipLow,
                          int port, long left, AnnounceEvent event, int numWant, PeerSelection out) {
        Swarm swarm = registry.get(infoHash, infoHashAt);
        if (swarm == null) {
            throw new TrackerFailureException(UNREGISTERED);
        }
        record(swarm, peerId, peerIdAt, ipHigh, ipLow, port, left, event, numWant, out);
        return swarm;
    }

    /** The one announce core under both transports: caps {@code numwant}, records, selects. */
    private void record(Swarm swarm, byte[] peerId, int peerIdAt, long ipHigh, long ipLow, int port, long left,
                        AnnounceEvent event, int numWant, PeerSelection out) {
        int want = numWant == AnnounceRequest.NUMWANT_DEFAULT ? properties.defaultNumwant()
                : Math.min(numWant, properties.maxNumwant());
        swarm.announce(peerId, peerIdAt, ipHigh, ipLow, port, left, event, want, clock.millis(), out);
    }

    /** Persists one more completed download of {@code swarm}'s torrent; completes when it is written. */
    public Mono<Void> persistCompleted(Swarm swarm) {
        return repository.incrementCompleted(swarm.infoHash()).then();
    }

    /** {@code min interval} handed to clients, in whole seconds. */
    public int minIntervalSeconds() {
        return (int) properties.minInterval().toSeconds();
    }

    /** {@code interval} handed to clients: {@code interval} plus a random share of {@code interval-jitter}, in whole seconds. */
    public int intervalSeconds() {
        long base = properties.interval().toSeconds();
        long jitter = properties.intervalJitter().toSeconds();
        return (int) (jitter > 0 ? base + ThreadLocalRandom.current().nextLong(jitter + 1) : base);
    }
}
