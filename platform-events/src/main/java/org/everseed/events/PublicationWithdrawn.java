package org.everseed.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A publisher unpublished a file: its .torrent and file URL answer 404 from now on, the tracker
 * forgets the torrent and the everseed stops. Produced by web-portal, consumed by metafile-service,
 * tracker-service and seed-service. Key: the publication id.
 *
 * @param eventId unique event id
 * @param occurredAt when it was unpublished
 * @param publicationId the publication
 * @param infoHash its v1 info_hash (or truncated v2 one), 40 lower-case hex digits, if a torrent existed; else null
 * @param infoHashV2 its v2 info_hash, 64 lower-case hex digits, for v2 and hybrid torrents; else null
 */
public record PublicationWithdrawn(UUID eventId, Instant occurredAt, UUID publicationId, String infoHash, String infoHashV2)
        implements PlatformEvent {
    /** JSON type id. */
    public static final String TYPE = "PublicationWithdrawn.v1";

    /** Validates every field. */
    public PublicationWithdrawn {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(publicationId, "publicationId");
        if (infoHash != null) {
            Checks.infoHashHex(infoHash);
        }
        if (infoHashV2 != null) {
            Checks.sha256Hex(infoHashV2, "infoHashV2");
        }
    }

    @Override
    public String topic() {
        return Topics.PUBLICATION_WITHDRAWN;
    }

    @Override
    public String key() {
        return publicationId.toString();
    }
}
