package org.everseed.seed.seeding;

import java.util.List;
import java.util.Objects;
import org.everseed.bittorrent.id.InfoHash;

/**
 * A row of the {@code everseed} table: a torrent this service seeds.
 *
 * @param infoHash the v1 info_hash (BEP 3)
 * @param blobKey where its content is in blob storage (for a multi-file torrent, the first file's blob)
 * @param fileBlobKeys for a multi-file torrent the blob of each content file, in the metainfo's order of content
 *     files (BEP 3 {@code files} without pad files; for v2 and hybrid the file tree's order); empty for single-file
 * @param torrent the .torrent bytes as fetched from metafile-service; the accessor returns them as stored
 * @param origin why it is seeded: {@code torrent-created} or {@code swarm-empty}
 * @param state {@code active}, {@code failed} when its data could not be served, or {@code withdrawn}
 */
public record SeedAssignment(InfoHash infoHash, String blobKey, List<String> fileBlobKeys, byte[] torrent, String origin,
        String state) {
    /** Origin of an assignment made for a new torrent. */
    public static final String FROM_TORRENT_CREATED = "torrent-created";
    /** Origin of an assignment made because a swarm had no seeder. */
    public static final String FROM_SWARM_EMPTY = "swarm-empty";
    /** State of an assignment whose data could not be served. */
    public static final String FAILED = "failed";
    /** State of an assignment whose publication was withdrawn: never seeded again. */
    public static final String WITHDRAWN = "withdrawn";

    /** Checks every part is present. */
    public SeedAssignment {
        Objects.requireNonNull(infoHash, "infoHash");
        Objects.requireNonNull(blobKey, "blobKey");
        fileBlobKeys = List.copyOf(fileBlobKeys);
        Objects.requireNonNull(torrent, "torrent");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(state, "state");
    }

    /** The blob of each content file: {@link #fileBlobKeys()}, or just {@link #blobKey()} for a single-file torrent. */
    public List<String> blobKeys() {
        return blobs().blobKeys();
    }

    /** Where its content is: {@link #blobKey()} and {@link #fileBlobKeys()}. */
    public PublicationBlobs blobs() {
        return new PublicationBlobs(blobKey, fileBlobKeys);
    }

    /** Whether its publication was withdrawn, so it must never be seeded again. */
    public boolean isWithdrawn() {
        return WITHDRAWN.equals(state);
    }
}
