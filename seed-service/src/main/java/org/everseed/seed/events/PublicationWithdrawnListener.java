package org.everseed.seed.events;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.events.EventCodec;
import org.everseed.events.PublicationWithdrawn;
import org.everseed.events.Topics;
import org.everseed.seed.seeding.Everseeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * On {@code PublicationWithdrawn}: records the publication withdrawn (never seeded again, even on a repeated
 * {@code TorrentCreated}); when no other publication of the same torrent is live, marks the everseed withdrawn in
 * the shared table and stops it here (other instances stop it at their next health check), else moves it to a live
 * publication's blobs if needed ({@link Everseeds#withdraw}). A withdrawal without an info_hash (no torrent was
 * made) or of a torrent never assigned changes nothing. Idempotent.
 */
@Component
public class PublicationWithdrawnListener {
    private static final Logger log = LoggerFactory.getLogger(PublicationWithdrawnListener.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final EventCodec codec;
    private final Everseeds everseeds;

    /** Wires the listener. */
    public PublicationWithdrawnListener(EventCodec codec, Everseeds everseeds) {
        this.codec = codec;
        this.everseeds = everseeds;
    }

    /** Handles one record of {@link Topics#PUBLICATION_WITHDRAWN}. */
    @KafkaListener(topics = Topics.PUBLICATION_WITHDRAWN, groupId = "${everseed.seed.consumer-group:seed-service}")
    public void on(ConsumerRecord<String, byte[]> record) {
        PublicationWithdrawn event = codec.decode(record.value(), PublicationWithdrawn.class);
        if (event.infoHash() == null) {
            return;
        }
        InfoHash infoHash = InfoHash.fromHex(event.infoHash());
        Boolean known = everseeds.withdraw(infoHash, event.publicationId(), event.occurredAt()).block(TIMEOUT);
        if (!Boolean.TRUE.equals(known)) {
            log.info("publication {} withdrawn; its torrent {} was never assigned here", event.publicationId(), infoHash);
        }
    }
}
