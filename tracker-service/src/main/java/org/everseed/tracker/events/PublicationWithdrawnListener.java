package org.everseed.tracker.events;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.events.EventCodec;
import org.everseed.events.PublicationWithdrawn;
import org.everseed.events.Topics;
import org.everseed.tracker.catalog.RegisteredTorrent;
import org.everseed.tracker.catalog.TorrentRepository;
import org.everseed.tracker.swarm.SwarmRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Forgets the torrent of a withdrawn publication, unless another publication of the same torrent (the same
 * bytes and name published twice share one info_hash) is still live: the publication's row is marked withdrawn
 * and, when it was the last live one, the torrent's row too (first, so a restart does not bring it back), then its
 * swarm and peers go; announces and scrapes for its v1 or v2 keys get {@code unregistered torrent} from then on. An event without info_hash (no torrent was made)
 * changes nothing. Idempotent; runs on a Kafka container thread.
 */
@Component
public class PublicationWithdrawnListener {
    private static final Logger log = LoggerFactory.getLogger(PublicationWithdrawnListener.class);
    /** Longest wait for the database per event. */
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final EventCodec codec;
    private final TorrentRepository repository;
    private final SwarmRegistry registry;

    /** Wires the listener. */
    public PublicationWithdrawnListener(EventCodec codec, TorrentRepository repository, SwarmRegistry registry) {
        this.codec = codec;
        this.repository = repository;
        this.registry = registry;
    }

    /** Forgets the torrent of one record. */
    @KafkaListener(topics = Topics.PUBLICATION_WITHDRAWN, groupId = "tracker-service")
    public void on(ConsumerRecord<String, byte[]> record) {
        PublicationWithdrawn event = codec.decode(record.value(), PublicationWithdrawn.class);
        if (event.infoHash() == null) {
            return;
        }
        InfoHash infoHash = InfoHash.fromHex(event.infoHash());
        Boolean gone = repository.withdraw(infoHash, event.publicationId(), event.occurredAt()).block(TIMEOUT);
        if (!Boolean.TRUE.equals(gone)) {
            log.info("Still tracking {}: publication {} withdrawn, another publication of it is live", infoHash,
                    event.publicationId());
            return;
        }
        registry.forget(infoHash).ifPresent(s -> log.info("Forgot {}: publication {} withdrawn", infoHash,
                event.publicationId()));
        // a new publication of the torrent may have been registered between the update and the forgetting
        RegisteredTorrent now = repository.find(infoHash).block(TIMEOUT);
        if (now != null && !now.withdrawn()) {
            registry.register(now.infoHash(), now.alias(), now.completed());
            log.info("Tracking {} again: a new publication of it came meanwhile", infoHash);
        }
    }
}
