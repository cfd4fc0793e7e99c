package org.everseed.seed.seeding;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.everseed.bittorrent.id.InfoHash;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code everseed} table (schema {@code seed}), through R2DBC. */
@Repository
public class AssignmentRepository {
    private static final String COLUMNS = "info_hash, blob_key, file_blob_keys, torrent, origin, state";
    private final DatabaseClient db;

    /** @param db the service's R2DBC client */
    public AssignmentRepository(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Records the assignment unless one exists for its info_hash (idempotent: a repeated event changes
     * nothing).
     *
     * @return whether a row was inserted
     */
    public Mono<Boolean> insertIfAbsent(SeedAssignment a) {
        var spec = db.sql("INSERT INTO everseed (info_hash, blob_key, file_blob_keys, torrent, origin) "
                        + "VALUES (:h, :k, :f, :t, :o) ON CONFLICT (info_hash) DO NOTHING")
                .bind("h", a.infoHash().bytes())
                .bind("k", a.blobKey());
        spec = bindFileBlobKeys(spec, a.fileBlobKeys());
        return spec
                .bind("t", a.torrent())
                .bind("o", a.origin())
                .fetch().rowsUpdated()
                .map(n -> n > 0);
    }

    /** The assignment of {@code infoHash}, if any. */
    public Mono<SeedAssignment> find(InfoHash infoHash) {
        return db.sql("SELECT " + COLUMNS + " FROM everseed WHERE info_hash = :h")
                .bind("h", infoHash.bytes())
                .map((row, meta) -> map(row))
                .one();
    }

    /** Every assignment, in the order they were made. */
    public Flux<SeedAssignment> findAll() {
        return db.sql("SELECT " + COLUMNS + " FROM everseed ORDER BY created_at")
                .map((row, meta) -> map(row))
                .all();
    }

    /**
     * Sets the state ({@code active} or {@code failed}) and its reason, unless the row is withdrawn
     * (a withdrawal is final).
     */
    public Mono<Void> setState(InfoHash infoHash, String state, String failure) {
        var spec = db.sql("UPDATE everseed SET state = :s, failure = :f, updated_at = now() WHERE info_hash = :h"
                        + " AND state <> 'withdrawn'")
                .bind("s", state)
                .bind("h", infoHash.bytes());
        spec = failure == null ? spec.bindNull("f", String.class) : spec.bind("f", failure);
        return spec.fetch().rowsUpdated().then();
    }

    /**
     * Points the assignment at other blobs (those of a live publication of the same torrent) and makes it active:
     * after a withdrawal of the publication whose blobs it served, or a new publication of a withdrawn torrent.
     *
     * @return the row as updated; empty if there is none
     */
    public Mono<SeedAssignment> repoint(InfoHash infoHash, PublicationBlobs blobs) {
        var spec = db.sql("UPDATE everseed SET blob_key = :k, file_blob_keys = :f, state = 'active', failure = NULL,"
                        + " updated_at = now() WHERE info_hash = :h")
                .bind("h", infoHash.bytes())
                .bind("k", blobs.blobKey());
        spec = bindFileBlobKeys(spec, blobs.fileBlobKeys());
        return spec.fetch().rowsUpdated().then(find(infoHash));
    }

    /**
     * Marks the assignment withdrawn (its publication was unpublished): never seeded again.
     *
     * @return whether a row exists for {@code infoHash} (withdrawn now or before)
     */
    public Mono<Boolean> withdraw(InfoHash infoHash) {
        return db.sql("UPDATE everseed SET state = 'withdrawn', failure = NULL, updated_at = now() WHERE info_hash = :h")
                .bind("h", infoHash.bytes())
                .fetch().rowsUpdated()
                .map(n -> n > 0);
    }

    /** Info hashes withdrawn at or after {@code since} (by any instance sharing the table). */
    public Flux<InfoHash> withdrawnSince(Instant since) {
        return db.sql("SELECT info_hash FROM everseed WHERE state = 'withdrawn' AND updated_at >= :t")
                .bind("t", since.atOffset(ZoneOffset.UTC))
                .map((row, meta) -> InfoHash.of(row.get("info_hash", byte[].class)))
                .all();
    }

    private static SeedAssignment map(io.r2dbc.spi.Readable row) {
        String[] files = row.get("file_blob_keys", String[].class);
        return new SeedAssignment(InfoHash.of(row.get("info_hash", byte[].class)), row.get("blob_key", String.class),
                files == null ? List.of() : List.of(files), row.get("torrent", byte[].class), row.get("origin", String.class), row.get("state", String.class));
    }

    /** Binds {@code :f}, a {@code file_blob_keys} column: NULL for a single-file torrent (no keys). */
    static DatabaseClient.GenericExecuteSpec bindFileBlobKeys(DatabaseClient.GenericExecuteSpec spec, List<String> keys) {
        return keys.isEmpty() ? spec.bindNull("f", String[].class) : spec.bind("f", keys.toArray(String[]::new));
    }
}
