package org.everseed.seed.seeding;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.everseed.bittorrent.id.InfoHash;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@code everseed_publication} table (schema {@code seed}): the publications of each seeded torrent, with their
 * blobs, so that one torrent published twice stays seeded until both are withdrawn.
 */
@Repository
public class PublicationRepository {
    private final DatabaseClient db;

    /** @param db the service's R2DBC client */
    public PublicationRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Records publication {@code publicationId} of the torrent with its blobs unless it is recorded (a repeated event
     * changes nothing; a placeholder left by an earlier withdrawal gets the blobs but stays withdrawn).
     *
     * @return whether the publication was withdrawn before
     */
    public Mono<Boolean> record(InfoHash infoHash, UUID publicationId, PublicationBlobs blobs) {
        var spec = db.sql("INSERT INTO everseed_publication (info_hash, publication_id, blob_key, file_blob_keys)"
                        + " VALUES (:h, :p, :k, :f) ON CONFLICT (info_hash, publication_id) DO UPDATE SET"
                        + " blob_key = COALESCE(everseed_publication.blob_key, EXCLUDED.blob_key),"
                        + " file_blob_keys = COALESCE(everseed_publication.file_blob_keys, EXCLUDED.file_blob_keys)")
                .bind("h", infoHash.bytes())
                .bind("p", publicationId)
                .bind("k", blobs.blobKey());
        spec = AssignmentRepository.bindFileBlobKeys(spec, blobs.fileBlobKeys());
        return spec.then().then(db.sql("SELECT withdrawn_at IS NOT NULL AS w FROM everseed_publication"
                        + " WHERE info_hash = :h AND publication_id = :p")
                .bind("h", infoHash.bytes())
                .bind("p", publicationId)
                .map(r -> Boolean.TRUE.equals(r.get("w", Boolean.class)))
                .one());
    }

    /** Marks the publication withdrawn at {@code at} (the first time only), inserting a placeholder if unknown. */
    public Mono<Void> withdraw(InfoHash infoHash, UUID publicationId, Instant at) {
        return db.sql("INSERT INTO everseed_publication (info_hash, publication_id, withdrawn_at) VALUES (:h, :p, :t)"
                        + " ON CONFLICT (info_hash, publication_id) DO UPDATE SET"
                        + " withdrawn_at = COALESCE(everseed_publication.withdrawn_at, :t)")
                .bind("h", infoHash.bytes())
                .bind("p", publicationId)
                .bind("t", at)
                .then();
    }

    /** The blobs of the torrent's live (not withdrawn) publications, oldest first. */
    public Flux<PublicationBlobs> findLive(InfoHash infoHash) {
        return db.sql("SELECT blob_key, file_blob_keys FROM everseed_publication"
                        + " WHERE info_hash = :h AND withdrawn_at IS NULL AND blob_key IS NOT NULL ORDER BY recorded_at")
                .bind("h", infoHash.bytes())
                .map(r -> {
                    String[] files = r.get("file_blob_keys", String[].class);
                    return new PublicationBlobs(r.get("blob_key", String.class),
                            files == null ? List.of() : Arrays.asList(files));
                })
                .all();
    }
}
