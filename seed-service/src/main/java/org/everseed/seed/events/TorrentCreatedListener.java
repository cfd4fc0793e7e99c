package org.everseed.seed.events;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.events.EventCodec;
import org.everseed.events.Topics;
import org.everseed.events.TorrentCreated;
import org.everseed.events.UploadedFile;
import org.everseed.seed.config.SeedProperties;
import org.everseed.seed.seeding.Everseeds;
import org.everseed.seed.seeding.Ownership;
import org.everseed.seed.seeding.SeedAssignment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * On {@code TorrentCreated}: records the everseed and starts it. Runs on a listener container thread,
 * where waiting (at most 30 s) for the database and metafile-service is fine; a failure is retried by
 * the container's error handler, then dead-lettered.
 *
 * <p>Its partitions decide which instance seeds what ({@link Ownership}): records are keyed by
 * info_hash, so the instance assigned a partition receives its torrents' events and, on every
 * rebalance, starts the torrents of the table in its partitions and stops the others.
 */
@Component
public class TorrentCreatedListener implements ConsumerSeekAware {
    private static final Logger log = LoggerFactory.getLogger(TorrentCreatedListener.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final EventCodec codec;
    private final Everseeds everseeds;
    private final KafkaTemplate<String, byte[]> kafka;
    private final boolean split;
    private final Set<Integer> assigned = ConcurrentHashMap.newKeySet();

    /** Wires the listener. */
    public TorrentCreatedListener(EventCodec codec, Everseeds everseeds, KafkaTemplate<String, byte[]> kafka,
            SeedProperties properties) {
        this.codec = codec;
        this.everseeds = everseeds;
        this.kafka = kafka;
        this.split = properties.splitByPartitions();
    }

    /** Handles one record of {@link Topics#TORRENT_CREATED}. */
    @KafkaListener(topics = Topics.TORRENT_CREATED, groupId = "${everseed.seed.consumer-group:seed-service}")
    public void on(ConsumerRecord<String, byte[]> record) {
        TorrentCreated event = codec.decode(record.value(), TorrentCreated.class);
        Map<List<String>, String> files = event.files() == null ? Map.of() : event.files().stream()
                .collect(Collectors.toMap(UploadedFile::path, UploadedFile::blobKey, (a, b) -> a));
        everseeds.assign(InfoHash.fromHex(event.infoHash()), event.publicationId(), event.blobKey(), files,
                SeedAssignment.FROM_TORRENT_CREATED).block(TIMEOUT);
    }

    /** Partitions gained (all of them, with an eager assignor): this instance's share changes. */
    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> partitions, ConsumerSeekCallback callback) {
        partitions.keySet().forEach(p -> assigned.add(p.partition()));
        if (!split) {
            return;
        }
        int count = kafka.partitionsFor(Topics.TORRENT_CREATED).size();
        Ownership now = new Ownership(count, assigned, false);
        Long started = everseeds.reassigned(now).block(TIMEOUT);
        log.info("seeding partitions {} of {} of {}: {} everseeds submitted", now.owned(), count,
                Topics.TORRENT_CREATED, started);
    }

    /** Partitions lost: forgotten here; the torrents stop at the next assignment, so an eager rebalance costs no restart. */
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        partitions.forEach(p -> assigned.remove(p.partition()));
    }
}
