package org.everseed.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A registered torrent has had no seeder for the tracker's configured time. Produced by
 * tracker-service, consumed by seed-service (starts an everseed if none runs). Key: the info_hash.
 *
 * @param eventId unique event id
 * @param occurredAt when the tracker noticed
 * @param infoHash the info_hash, 40 lower-case hex digits
 * @param seederlessSince since when the swarm has had no seeder
 */
public record SwarmEmpty(UUID eventId, Instant occurredAt, String infoHash, Instant seederlessSince)
        implements PlatformEvent {
    /** JSON type id. */
    public static final String TYPE = "SwarmEmpty.v1";

    /** Validates every field. */
    public SwarmEmpty {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.infoHashHex(infoHash);
        Checks.present(seederlessSince, "seederlessSince");
    }

    @Override
    public String topic() {
        return Topics.SWARM_EMPTY;
    }

    @Override
    public String key() {
        return infoHash;
    }
}
