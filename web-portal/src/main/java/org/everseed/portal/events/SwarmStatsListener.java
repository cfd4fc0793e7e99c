package org.everseed.portal.events;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.everseed.events.EventCodec;
import org.everseed.events.SwarmStats;
import org.everseed.events.Topics;
import org.everseed.portal.publication.PublicationRepository;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the seeders, leechers and completed counts of each publication from {@code SwarmStats}; older counts never overwrite newer. */
@Component
public class SwarmStatsListener {
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private final EventCodec codec;
    private final PublicationRepository publications;

    /** Wires the listener. */
    public SwarmStatsListener(EventCodec codec, PublicationRepository publications) {
        this.codec = codec;
        this.publications = publications;
    }

    /** Handles one record, on a container thread. */
    @KafkaListener(topics = Topics.SWARM_STATS, groupId = "web-portal")
    public void on(ConsumerRecord<String, byte[]> record) {
        SwarmStats s = codec.decode(record.value(), SwarmStats.class);
        publications.updateSwarm(s.infoHash(), s.seeders(), s.leechers(), s.completed(), s.occurredAt()).block(DB_TIMEOUT);
    }
}
