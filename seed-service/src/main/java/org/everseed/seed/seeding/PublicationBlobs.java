package org.everseed.seed.seeding;

import java.util.List;
import java.util.Objects;

/**
 * Where a torrent's content is kept: the blobs of one publication of it, or those an everseed serves.
 *
 * @param blobKey the content's blob (single-file torrents), or the first file's
 * @param fileBlobKeys for a multi-file torrent each content file's blob in the metainfo's order; empty for one file
 */
public record PublicationBlobs(String blobKey, List<String> fileBlobKeys) {
    /** Checks every part is present. */
    public PublicationBlobs {
        Objects.requireNonNull(blobKey, "blobKey");
        fileBlobKeys = List.copyOf(fileBlobKeys);
    }

    /** The blob of each content file, as {@link SeedAssignment#blobKeys()}. */
    public List<String> blobKeys() {
        return fileBlobKeys.isEmpty() ? List.of(blobKey) : fileBlobKeys;
    }
}
