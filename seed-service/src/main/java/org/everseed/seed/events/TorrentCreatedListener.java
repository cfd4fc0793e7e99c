package org.everseed.seed.events;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.events.EventCodec;
import org.everseed.events.Topics;
import org.everseed.events.TorrentCreated;
import org.everseed.seed.seeding.Everseeds;
import org.everseed.seed.seeding.SeedAssignment;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * On {@code TorrentCreated}: records the everseed and starts it. Runs on a listener container thread,
 * where waiting (at most 30 s) for the database and metafile-service is fine; a failure is retried by
 * the container's error handler, then dead-lettered.
 */
@Component
public class TorrentCreatedListener {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final EventCodec codec;
    private final Everseeds everseeds;

    /** Wires the listener. */
    public TorrentCreatedListener(EventCodec codec, Everseeds everseeds) {
        this.codec = codec;
        this.everseeds = everseeds;
    }

    /** Handles one record of {@link Topics#TORRENT_CREATED}. */
    @KafkaListener(topics = Topics.TORRENT_CREATED, groupId = "seed-service")
    public void on(ConsumerRecord<String, byte[]> record) {
        TorrentCreated event = codec.decode(record.value(), TorrentCreated.class);
        everseeds.assign(InfoHash.fromHex(event.infoHash()), event.blobKey(), SeedAssignment.FROM_TORRENT_CREATED)
                .block(TIMEOUT);
    }
}
