package org.everseed.metafile.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.everseed.events.EventCodec;
import org.everseed.events.PublicationWithdrawn;
import org.everseed.events.Topics;
import org.everseed.metafile.catalog.TorrentCatalog;
import org.everseed.metafile.config.MetafileProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@link PublicationWithdrawn} (key: publication id): the publication's .torrent, magnet link and
 * torrent-behind-the-URL answer 404 from now on; the torrent row stays. Also when the withdrawal comes before the
 * torrent is made: then none is made. Idempotent; runs on a Kafka container thread; failures are rethrown for the
 * messaging error handler (retries, then {@code <topic>-dlt}).
 */
@Component
public class PublicationWithdrawnListener {
    private static final Logger log = LoggerFactory.getLogger(PublicationWithdrawnListener.class);
    private final EventCodec codec;
    private final TorrentCatalog catalog;
    private final MetafileProperties properties;

    /** Wires the collaborators. */
    public PublicationWithdrawnListener(EventCodec codec, TorrentCatalog catalog, MetafileProperties properties) {
        this.codec = codec;
        this.catalog = catalog;
        this.properties = properties;
    }

    /** Handles one record. */
    @KafkaListener(topics = Topics.PUBLICATION_WITHDRAWN, groupId = "metafile-service")
    public void on(ConsumerRecord<String, byte[]> record) {
        PublicationWithdrawn event = codec.decode(record.value(), PublicationWithdrawn.class);
        Boolean changed = catalog.withdraw(event.publicationId()).block(properties.eventTimeout());
        log.info("publication {} withdrawn{}", event.publicationId(), Boolean.TRUE.equals(changed) ? "" : " (again)");
    }
}
