package org.everseed.metafile.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.everseed.events.EventCodec;
import org.everseed.events.FileUploaded;
import org.everseed.events.Topics;
import org.everseed.metafile.catalog.TorrentCreation;
import org.everseed.metafile.config.MetafileProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@link FileUploaded} (key: publication id) and makes the publication's torrent. Runs on a Kafka
 * container thread, where blocking is allowed. A failure (a missing blob, a database outage) is rethrown: the
 * messaging error handler retries with back-off, then moves the record to {@code <topic>-dlt}; an undecodable
 * record goes there at once. Idempotent: a second delivery finds the torrent and changes nothing.
 */
@Component
public class FileUploadedListener {
    private static final Logger log = LoggerFactory.getLogger(FileUploadedListener.class);
    private final EventCodec codec;
    private final TorrentCreation creation;
    private final MetafileProperties properties;

    /** Wires the collaborators. */
    public FileUploadedListener(EventCodec codec, TorrentCreation creation, MetafileProperties properties) {
        this.codec = codec;
        this.creation = creation;
        this.properties = properties;
    }

    /** Handles one record. */
    @KafkaListener(topics = Topics.FILE_UPLOADED, groupId = "metafile-service")
    public void on(ConsumerRecord<String, byte[]> record) {
        FileUploaded event = codec.decode(record.value(), FileUploaded.class);
        try {
            creation.create(event).block(properties.eventTimeout());
        } catch (RuntimeException e) {
            log.warn("FileUploaded {} for publication {} failed (will retry, then dead-letter): {}",
                    event.eventId(), event.publicationId(), e.toString());
            throw e;
        }
    }
}
