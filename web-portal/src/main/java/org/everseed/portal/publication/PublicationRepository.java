package org.everseed.portal.publication;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code publications} table of the portal schema. */
@Repository
public class PublicationRepository {
    private static final String COLUMNS = "id, name, size, sha256, blob_key, state, info_hash, info_hash_v2, torrent_url,"
            + " magnet_uri, seeders, leechers, completed, created_at";
    private final DatabaseClient db;

    /** @param db the portal's database client */
    public PublicationRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Inserts a new publication. */
    public Mono<Void> insert(Publication p) {
        return db.sql("INSERT INTO publications (id, name, size, sha256, blob_key, state, created_at)"
                        + " VALUES (:id, :name, :size, :sha256, :blobKey, :state, :createdAt)")
                .bind("id", p.id())
                .bind("name", p.name())
                .bind("size", p.size())
                .bind("sha256", p.sha256())
                .bind("blobKey", p.blobKey())
                .bind("state", p.state().name())
                .bind("createdAt", p.createdAt().atOffset(java.time.ZoneOffset.UTC))
                .then();
    }

    /** Inserts one file of a multi-file publication. */
    public Mono<Void> insertFile(PublicationFile f) {
        return db.sql("INSERT INTO publication_files (publication_id, idx, path, size, sha256, blob_key)"
                        + " VALUES (:id, :idx, :path, :size, :sha256, :blobKey)")
                .bind("id", f.publicationId()).bind("idx", f.index()).bind("path", f.joinedPath())
                .bind("size", f.size()).bind("sha256", f.sha256()).bind("blobKey", f.blobKey())
                .then();
    }

    /** The files of a multi-file publication in upload order; none for a single-file one. */
    public Flux<PublicationFile> findFiles(UUID id) {
        return db.sql("SELECT idx, path, size, sha256, blob_key FROM publication_files WHERE publication_id = :id ORDER BY idx")
                .bind("id", id)
                .map(row -> readFile(id, row))
                .all();
    }

    /** The file at {@code path} (components joined with {@code /}) of a multi-file publication, or empty. */
    public Mono<PublicationFile> findFile(UUID id, String path) {
        return db.sql("SELECT idx, path, size, sha256, blob_key FROM publication_files WHERE publication_id = :id AND path = :path")
                .bind("id", id).bind("path", path)
                .map(row -> readFile(id, row))
                .one();
    }

    private static PublicationFile readFile(UUID id, Readable row) {
        return new PublicationFile(id, row.get("idx", Integer.class), java.util.List.of(row.get("path", String.class).split("/")),
                row.get("size", Long.class), row.get("sha256", String.class), row.get("blob_key", String.class));
    }

    /** The publication with this id, or empty. */
    public Mono<Publication> findById(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM publications WHERE id = :id").bind("id", id)
                .map(PublicationRepository::read).one();
    }

    /** The newest publications first, at most {@code limit}. */
    public Flux<Publication> findNewest(int limit) {
        return db.sql("SELECT " + COLUMNS + " FROM publications WHERE state <> 'WITHDRAWN' ORDER BY created_at DESC, id LIMIT :limit")
                .bind("limit", limit)
                .map(PublicationRepository::read).all();
    }

    /**
     * Records the torrent of a publication; idempotent: a second call with the same values changes
     * nothing.
     *
     * @return rows changed (0 when the publication is unknown)
     */
    public Mono<Long> markPublished(UUID id, String infoHash, String infoHashV2, String torrentUrl, String magnetUri) {
        DatabaseClient.GenericExecuteSpec update = db.sql("UPDATE publications SET state = 'PUBLISHED', info_hash = :infoHash,"
                        + " info_hash_v2 = :infoHashV2, torrent_url = :torrentUrl, magnet_uri = :magnetUri"
                        + " WHERE id = :id AND state <> 'WITHDRAWN'")
                .bind("id", id).bind("infoHash", infoHash).bind("torrentUrl", torrentUrl).bind("magnetUri", magnetUri);
        update = infoHashV2 == null ? update.bindNull("infoHashV2", String.class) : update.bind("infoHashV2", infoHashV2);
        return update.fetch().rowsUpdated();
    }

    /**
     * Marks a publication WITHDRAWN, once: only a publication not yet withdrawn changes.
     *
     * @return rows changed (0 when unknown or already withdrawn)
     */
    public Mono<Long> markWithdrawn(UUID id, Instant at) {
        return db.sql("UPDATE publications SET state = 'WITHDRAWN', withdrawn_at = :at WHERE id = :id AND state <> 'WITHDRAWN'")
                .bind("id", id).bind("at", at.atOffset(java.time.ZoneOffset.UTC))
                .fetch().rowsUpdated();
    }

    /** Records the swarm counts of the publication with this info_hash, unless newer counts are in. */
    public Mono<Long> updateSwarm(String infoHash, int seeders, int leechers, long completed, Instant at) {
        return db.sql("UPDATE publications SET seeders = :s, leechers = :l, completed = :c, swarm_at = :at"
                        + " WHERE info_hash = :h AND (swarm_at IS NULL OR swarm_at < :at)")
                .bind("s", seeders).bind("l", leechers).bind("c", completed)
                .bind("at", at.atOffset(java.time.ZoneOffset.UTC)).bind("h", infoHash)
                .fetch().rowsUpdated();
    }

    private static Publication read(Readable row) {
        return new Publication(
                row.get("id", UUID.class),
                row.get("name", String.class),
                row.get("size", Long.class),
                row.get("sha256", String.class),
                row.get("blob_key", String.class),
                PublicationState.valueOf(row.get("state", String.class)),
                row.get("info_hash", String.class),
                row.get("info_hash_v2", String.class),
                row.get("torrent_url", String.class),
                row.get("magnet_uri", String.class),
                row.get("seeders", Integer.class),
                row.get("leechers", Integer.class),
                row.get("completed", Long.class),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }
}
