package org.everseed.seed.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.everseed.seed.peerwire.PeerWireServer;
import org.everseed.seed.session.TorrentRegistry;
import org.everseed.seed.session.UploadSlots;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Everseed meters for {@code /actuator/prometheus}: {@code everseed.torrents} (served now),
 * {@code everseed.peer.connections} (open), {@code everseed.upload.slots} (tag {@code state}:
 * unchoked, waiting) and the counter {@code everseed.uploaded} (bytes of blocks sent).
 */
@Component
public class SeedMetrics implements InitializingBean {
    private final MeterRegistry meters;
    private final TorrentRegistry torrents;
    private final PeerWireServer server;
    private final UploadSlots slots;

    /** Wires the meters' sources. */
    public SeedMetrics(MeterRegistry meters, TorrentRegistry torrents, PeerWireServer server, UploadSlots slots) {
        this.meters = meters;
        this.torrents = torrents;
        this.server = server;
        this.slots = slots;
    }

    @Override
    public void afterPropertiesSet() {
        Gauge.builder("everseed.torrents", torrents, TorrentRegistry::size).register(meters);
        Gauge.builder("everseed.peer.connections", server, PeerWireServer::openConnections).register(meters);
        Gauge.builder("everseed.upload.slots", slots, UploadSlots::unchokedCount).tag("state", "unchoked").register(meters);
        Gauge.builder("everseed.upload.slots", slots, UploadSlots::waitingCount).tag("state", "waiting").register(meters);
        FunctionCounter.builder("everseed.uploaded", server, PeerWireServer::uploadedBytes).baseUnit("bytes")
                .register(meters);
    }
}
