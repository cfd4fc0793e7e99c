package org.everseed.portal.events;

import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.everseed.events.EventCodec;
import org.everseed.events.Topics;
import org.everseed.events.TorrentCreated;
import org.everseed.portal.publication.PublicationRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Marks a publication PUBLISHED with its info_hash, .torrent URL and magnet link when
 * {@code TorrentCreated} arrives. Idempotent: the same event twice writes the same values.
 */
@Component
public class TorrentCreatedListener {
    private static final Logger log = LoggerFactory.getLogger(TorrentCreatedListener.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private final EventCodec codec;
    private final PublicationRepository publications;

    /** Wires the listener. */
    public TorrentCreatedListener(EventCodec codec, PublicationRepository publications) {
        this.codec = codec;
        this.publications = publications;
    }

    /** Handles one record, on a container thread (blocking is allowed here). */
    @KafkaListener(topics = Topics.TORRENT_CREATED, groupId = "web-portal")
    public void on(ConsumerRecord<String, byte[]> record) {
        TorrentCreated event = codec.decode(record.value(), TorrentCreated.class);
        UUID id = event.publicationId();
        Long changed = publications.markPublished(id, event.infoHash(), event.infoHashV2(), event.torrentUrl(), event.magnetUri()).block(DB_TIMEOUT);
        if (changed == null || changed == 0) {
            log.warn("TorrentCreated {} names an unknown or withdrawn publication {}", event.infoHash(), id);
        }
    }
}
