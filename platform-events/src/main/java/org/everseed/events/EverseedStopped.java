package org.everseed.events;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * An everseed stopped because its stored file can no longer be served: the blob vanished, or it
 * changed (another length, another file, or a piece that no longer matches its hash). Produced by
 * seed-service; for operators and the portal's views. Key: the info_hash.
 *
 * @param eventId unique event id
 * @param occurredAt when the seed stopped
 * @param infoHash the info_hash, 40 lower-case hex digits
 * @param reason {@value #MISSING} or {@value #CHANGED}
 * @param detail what was seen, human-readable
 */
public record EverseedStopped(UUID eventId, Instant occurredAt, String infoHash, String reason, String detail)
        implements PlatformEvent {
    /** JSON type id. */
    public static final String TYPE = "EverseedStopped.v1";
    /** Reason: the stored file no longer exists. */
    public static final String MISSING = "file-missing";
    /** Reason: the stored file changed or no longer matches its piece hashes. */
    public static final String CHANGED = "file-changed";

    /** Validates every field. */
    public EverseedStopped {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.infoHashHex(infoHash);
        if (!Set.of(MISSING, CHANGED).contains(Checks.present(reason, "reason"))) {
            throw new IllegalArgumentException("reason must be " + MISSING + " or " + CHANGED + ": " + reason);
        }
        Checks.present(detail, "detail");
    }

    @Override
    public String topic() {
        return Topics.EVERSEED_STOPPED;
    }

    @Override
    public String key() {
        return infoHash;
    }
}
