package org.everseed.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A periodic count of one swarm. Produced by tracker-service, consumed by web-portal. Key: the
 * info_hash.
 *
 * @param eventId unique event id
 * @param occurredAt when the counts were taken
 * @param infoHash the info_hash, 40 lower-case hex digits
 * @param seeders peers with the whole content
 * @param leechers peers still downloading
 * @param completed downloads completed so far ({@code event=completed} announces)
 */
public record SwarmStats(UUID eventId, Instant occurredAt, String infoHash, int seeders, int leechers, long completed)
        implements PlatformEvent {
    /** JSON type id. */
    public static final String TYPE = "SwarmStats.v1";

    /** Validates every field. */
    public SwarmStats {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.infoHashHex(infoHash);
        Checks.notNegative(seeders, "seeders");
        Checks.notNegative(leechers, "leechers");
        Checks.notNegative(completed, "completed");
    }

    @Override
    public String topic() {
        return Topics.SWARM_STATS;
    }

    @Override
    public String key() {
        return infoHash;
    }
}
