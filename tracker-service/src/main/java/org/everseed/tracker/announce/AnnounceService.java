package org.everseed.tracker.announce;

import java.net.InetSocketAddress;
import java.time.Clock;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import org.everseed.bittorrent.tracker.TrackerFailureException;
import org.everseed.tracker.catalog.TorrentRepository;
import org.everseed.tracker.config.TrackerProperties;
import org.everseed.tracker.swarm.AnnounceOutcome;
import org.everseed.tracker.swarm.Swarm;
import org.everseed.tracker.swarm.SwarmRegistry;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * The announce core (BEP 3), whatever the transport: records the peer in its swarm and answers with
 * peers (at most {@code max-numwant}), counts, {@code interval} and {@code min interval}. A completed
 * download is persisted before the answer goes out. Never blocks.
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
        Swarm swarm = registry.find(request.infoHash()).orElse(null);
        if (swarm == null) {
            return Mono.error(new TrackerFailureException(UNREGISTERED));
        }
        int want = request.numWant() == AnnounceRequest.NUMWANT_DEFAULT ? properties.defaultNumwant()
                : Math.min(request.numWant(), properties.maxNumwant());
        AnnounceOutcome outcome = swarm.announce(request.peerId(),
                PeerAddresses.of(remote.getAddress(), request.port()), request.left(), request.event(), want,
                clock.millis());
        AnnounceResponse response = AnnounceResponse.of((int) properties.interval().toSeconds(),
                (int) properties.minInterval().toSeconds(), outcome.seeders(), outcome.leechers(), outcome.peers());
        return outcome.completedCounted()
                ? repository.incrementCompleted(request.infoHash()).thenReturn(response)
                : Mono.just(response);
    }
}
