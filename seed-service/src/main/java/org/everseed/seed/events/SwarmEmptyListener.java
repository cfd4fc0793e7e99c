package org.everseed.seed.events;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.events.EventCodec;
import org.everseed.events.SwarmEmpty;
import org.everseed.events.Topics;
import org.everseed.seed.seeding.Everseeds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * On {@code SwarmEmpty}: (re)starts the everseed of that torrent here if it is in the table shared by
 * all instances (whoever owns it) and not withdrawn. A torrent not in the table is logged and skipped:
 * its blob key comes only with {@code TorrentCreated}.
 */
@Component
public class SwarmEmptyListener {
    private static final Logger log = LoggerFactory.getLogger(SwarmEmptyListener.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private final EventCodec codec;
    private final Everseeds everseeds;

    /** Wires the listener. */
    public SwarmEmptyListener(EventCodec codec, Everseeds everseeds) {
        this.codec = codec;
        this.everseeds = everseeds;
    }

    /** Handles one record of {@link Topics#SWARM_EMPTY}. */
    @KafkaListener(topics = Topics.SWARM_EMPTY, groupId = "${everseed.seed.consumer-group:seed-service}")
    public void on(ConsumerRecord<String, byte[]> record) {
        SwarmEmpty event = codec.decode(record.value(), SwarmEmpty.class);
        InfoHash infoHash = InfoHash.fromHex(event.infoHash());
        Boolean known = everseeds.rescue(infoHash).block(TIMEOUT);
        if (!Boolean.TRUE.equals(known)) {
            log.warn("swarm {} is empty but is not in the everseed table: no blob key to seed it from", infoHash);
        }
    }
}
