package org.everseed.tracker.events;

import java.time.Duration;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.InfoHashV2;
import org.everseed.events.EventCodec;
import org.everseed.events.Topics;
import org.everseed.events.TorrentCreated;
import org.everseed.tracker.catalog.RegisteredTorrent;
import org.everseed.tracker.catalog.TorrentRepository;
import org.everseed.tracker.swarm.SwarmRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Registers each torrent of a {@code TorrentCreated} event: a row in {@code torrent}, then a swarm in
 * memory under its v1 info_hash and, for a hybrid torrent, its truncated v2 info_hash too (BEP 52: one
 * swarm). Idempotent: a repeated event finds both in place and changes nothing; a publication withdrawn
 * before (a {@code PublicationWithdrawn} that overtook this event) stays untracked unless another publication of
 * the same torrent is live; a new publication of a torrent whose publications were all withdrawn is tracked again. Runs on a Kafka
 * container thread, where waiting for the database is allowed; a failure is retried and then
 * dead-lettered by the platform's error handler.
 */
@Component
public class TorrentCreatedListener {
    private static final Logger log = LoggerFactory.getLogger(TorrentCreatedListener.class);
    /** Longest wait for the database per event. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final EventCodec codec;
    private final TorrentRepository repository;
    private final SwarmRegistry registry;

    /** Wires the listener. */
    public TorrentCreatedListener(EventCodec codec, TorrentRepository repository, SwarmRegistry registry) {
        this.codec = codec;
        this.repository = repository;
        this.registry = registry;
    }

    /** Registers the torrent of one record. */
    @KafkaListener(topics = Topics.TORRENT_CREATED, groupId = "tracker-service")
    public void on(ConsumerRecord<String, byte[]> record) {
        TorrentCreated event = codec.decode(record.value(), TorrentCreated.class);
        InfoHash infoHash = InfoHash.fromHex(event.infoHash());
        Optional<InfoHashV2> v2 = Optional.ofNullable(event.infoHashV2()).map(InfoHashV2::fromHex);
        RegisteredTorrent torrent = repository.register(infoHash, v2, event.publicationId(), event.name())
                .block(TIMEOUT);
        if (torrent == null || torrent.withdrawn()) {
            log.info("Not tracking {} ({}): withdrawn", infoHash, event.name());
            return;
        }
        registry.register(torrent.infoHash(), torrent.alias(), torrent.completed());
        log.info("Tracking {} ({}{})", infoHash, event.name(), torrent.alias().map(a -> ", v2 " + a).orElse(""));
    }
}
