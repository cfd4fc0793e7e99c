package org.everseed.tracker.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.PeerAddress;
import org.everseed.events.PlatformEvent;
import org.everseed.events.SwarmStats;
import org.everseed.messaging.EventPublisher;
import org.everseed.messaging.outbox.Outbox;
import org.everseed.tracker.catalog.TorrentRepository;
import org.everseed.tracker.config.TrackerProperties;
import org.everseed.tracker.swarm.SwarmRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The periodic {@code SwarmStats}: only changed swarms, and nothing kept for a withdrawn torrent. */
class SwarmMaintenanceTest {
    private static final InfoHash KEPT = InfoHash.fromHex("aa".repeat(20));
    private static final InfoHash WITHDRAWN = InfoHash.fromHex("bb".repeat(20));

    private final SwarmRegistry registry = new SwarmRegistry(Clock.systemUTC());
    private final List<SwarmStats> published = new ArrayList<>();
    private final SwarmMaintenance maintenance;

    SwarmMaintenanceTest() {
        EventPublisher publisher = mock(EventPublisher.class);
        when(publisher.publish(any(PlatformEvent.class))).thenAnswer(call -> {
            published.add(call.getArgument(0));
            return Mono.empty();
        });
        TrackerProperties defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("everseed.tracker", Bindable.of(TrackerProperties.class));
        maintenance = new SwarmMaintenance(registry, mock(TorrentRepository.class), mock(Outbox.class),
                mock(TransactionalOperator.class), publisher, defaults, Clock.systemUTC());
    }

    @Test
    void statsGoOutOncePerChangeAndAWithdrawnTorrentLeavesNothingBehind() {
        registry.register(KEPT, 0);
        registry.register(WITHDRAWN, 0);
        maintenance.publishStats();
        assertThat(published).extracting(SwarmStats::infoHash).containsExactlyInAnyOrder(KEPT.hex(), WITHDRAWN.hex());

        published.clear();
        maintenance.publishStats();
        assertThat(published).as("nothing changed").isEmpty();

        registry.find(KEPT).orElseThrow().announce(PeerId.generate("-T-"),
                PeerAddress.of(new byte[] {10, 0, 0, 1}, 6881), 0, AnnounceEvent.STARTED, 0, 0);
        registry.forget(WITHDRAWN);
        maintenance.publishStats();
        assertThat(published).extracting(SwarmStats::infoHash).containsExactly(KEPT.hex());
        assertThat(published.getFirst().seeders()).isEqualTo(1);

        // registered again (a new publication of the same content): a new swarm, reported afresh, not
        // mistaken for the old one by a version remembered from before the withdrawal
        published.clear();
        registry.register(WITHDRAWN, 0);
        maintenance.publishStats();
        assertThat(published).extracting(SwarmStats::infoHash).containsExactly(WITHDRAWN.hex());
    }
}
