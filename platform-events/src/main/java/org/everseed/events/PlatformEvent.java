package org.everseed.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;

/**
 * An event on the platform's Kafka topics. Every event has a unique id (consumers use it, or the
 * natural key, to stay idempotent), the time it happened, a topic and a record key that keeps the
 * order where it matters. The JSON form carries an explicit, versioned type id in {@code type}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = FileUploaded.class, name = FileUploaded.TYPE),
    @JsonSubTypes.Type(value = TorrentCreated.class, name = TorrentCreated.TYPE),
    @JsonSubTypes.Type(value = SwarmEmpty.class, name = SwarmEmpty.TYPE),
    @JsonSubTypes.Type(value = SwarmStats.class, name = SwarmStats.TYPE),
    @JsonSubTypes.Type(value = PublicationWithdrawn.class, name = PublicationWithdrawn.TYPE),
    @JsonSubTypes.Type(value = EverseedStopped.class, name = EverseedStopped.TYPE)
})
public sealed interface PlatformEvent permits FileUploaded, TorrentCreated, SwarmEmpty, SwarmStats, PublicationWithdrawn,
        EverseedStopped {

    /** Unique id of this event. */
    UUID eventId();

    /** When it happened. */
    Instant occurredAt();

    /** The topic it is published on. */
    String topic();

    /** The Kafka record key: the publication id or the info_hash in hex. */
    String key();
}
