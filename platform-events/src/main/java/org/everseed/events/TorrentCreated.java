package org.everseed.events;

import java.time.Instant;
import java.util.UUID;

/**
 * The metainfo of a publication exists and is served. Produced by metafile-service, consumed by
 * tracker-service (registers the torrent), seed-service (starts an everseed) and web-portal (shows
 * the links). Key: the info_hash in hex.
 *
 * @param eventId unique event id
 * @param occurredAt when the metainfo was stored
 * @param publicationId the publication it belongs to
 * @param infoHash the v1 info_hash (BEP 3), 40 lower-case hex digits; for a v2-only torrent the
 *     truncated v2 info_hash (BEP 52)
 * @param name the torrent name
 * @param size total content length in bytes
 * @param pieceLength piece length in bytes
 * @param blobKey where the content is in blob storage
 * @param torrentUrl public URL of the .torrent file
 * @param magnetUri magnet link (BEP 9)
 * @param infoHashV2 the v2 info_hash (BEP 52, SHA-256), 64 lower-case hex digits, for v2 and hybrid
 *     torrents; null for v1-only torrents. Optional field: absent in JSON when null.
 * @param files the files of a multi-file torrent in the publication's upload order, each with its blob
 *     key (a seeder reads them from there); null for a single-file torrent, whose bytes are at {@code blobKey}.
 *     Optional field: absent in JSON when null.
 */
public record TorrentCreated(
        UUID eventId,
        Instant occurredAt,
        UUID publicationId,
        String infoHash,
        String name,
        long size,
        int pieceLength,
        String blobKey,
        String torrentUrl,
        String magnetUri,
        String infoHashV2,
        java.util.List<UploadedFile> files) implements PlatformEvent {
    /** JSON type id. */
    public static final String TYPE = "TorrentCreated.v1";

    /** Validates every field. */
    public TorrentCreated {
        Checks.present(eventId, "eventId");
        Checks.present(occurredAt, "occurredAt");
        Checks.present(publicationId, "publicationId");
        Checks.infoHashHex(infoHash);
        Checks.text(name, "name");
        Checks.notNegative(size, "size");
        if (pieceLength <= 0) {
            throw new IllegalArgumentException("pieceLength must be positive: " + pieceLength);
        }
        Checks.text(blobKey, "blobKey");
        Checks.text(torrentUrl, "torrentUrl");
        Checks.text(magnetUri, "magnetUri");
        if (infoHashV2 != null) {
            Checks.sha256Hex(infoHashV2, "infoHashV2");
        }
        if (files != null) {
            files = java.util.List.copyOf(files);
            if (files.isEmpty()) {
                throw new IllegalArgumentException("files must not be empty when present");
            }
        }
    }

    /** A single-file torrent. */
    public TorrentCreated(UUID eventId, Instant occurredAt, UUID publicationId, String infoHash, String name, long size,
            int pieceLength, String blobKey, String torrentUrl, String magnetUri, String infoHashV2) {
        this(eventId, occurredAt, publicationId, infoHash, name, size, pieceLength, blobKey, torrentUrl, magnetUri, infoHashV2,
                null);
    }

    /** A v1-only torrent: no v2 info_hash. */
    public TorrentCreated(UUID eventId, Instant occurredAt, UUID publicationId, String infoHash, String name, long size,
            int pieceLength, String blobKey, String torrentUrl, String magnetUri) {
        this(eventId, occurredAt, publicationId, infoHash, name, size, pieceLength, blobKey, torrentUrl, magnetUri, null, null);
    }

    @Override
    public String topic() {
        return Topics.TORRENT_CREATED;
    }

    @Override
    public String key() {
        return infoHash;
    }
}
