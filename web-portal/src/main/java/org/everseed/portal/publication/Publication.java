package org.everseed.portal.publication;

import java.time.Instant;
import java.util.UUID;

/**
 * A published file.
 *
 * @param id the publication id
 * @param name the file name, one path segment
 * @param size length in bytes
 * @param sha256 SHA-256 of the content, lower-case hex
 * @param blobKey where the bytes are in blob storage
 * @param state life-cycle state
 * @param infoHash the info_hash in hex once the torrent exists, else null
 * @param infoHashV2 the v2 info_hash in hex for v2 and hybrid torrents, else null
 * @param torrentUrl public URL of the .torrent once it exists, else null
 * @param magnetUri magnet link once it exists, else null
 * @param seeders seeders last reported by the tracker
 * @param leechers leechers last reported by the tracker
 * @param completed completed downloads last reported by the tracker
 * @param createdAt when the upload completed
 */
public record Publication(
        UUID id,
        String name,
        long size,
        String sha256,
        String blobKey,
        PublicationState state,
        String infoHash,
        String infoHashV2,
        String torrentUrl,
        String magnetUri,
        int seeders,
        int leechers,
        long completed,
        Instant createdAt) {

    /** A newly uploaded publication, without torrent yet. */
    public static Publication uploaded(UUID id, String name, long size, String sha256, String blobKey, Instant at) {
        return new Publication(id, name, size, sha256, blobKey, PublicationState.UPLOADED, null, null, null, null, 0, 0, 0, at);
    }
}
