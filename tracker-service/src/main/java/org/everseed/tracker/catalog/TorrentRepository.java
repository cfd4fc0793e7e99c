package org.everseed.tracker.catalog;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.InfoHashV2;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code torrent} table, through R2DBC. Info hashes are stored as their raw bytes (20, v2 32). */
@Repository
public class TorrentRepository {
    private static final String COLUMNS = "info_hash, info_hash_v2, completed, withdrawn_at";
    private final DatabaseClient db;

    /** @param db the client on the tracker schema */
    public TorrentRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Every registered torrent that was not withdrawn. */
    public Flux<RegisteredTorrent> findTracked() {
        return db.sql("SELECT " + COLUMNS + " FROM torrent WHERE withdrawn_at IS NULL")
                .map(TorrentRepository::row)
                .all();
    }

    /**
     * Registers a torrent of publication {@code publicationId} unless it is registered already (an event seen twice
     * changes nothing), records the publication as one of the torrent's, and returns the torrent's row as stored. The
     * row says withdrawn when this publication was withdrawn before its registration arrived and no other publication
     * of the torrent is live; a new publication of a torrent whose publications were all withdrawn makes it live again.
     */
    public Mono<RegisteredTorrent> register(InfoHash infoHash, Optional<InfoHashV2> infoHashV2, UUID publicationId,
                                            String name) {
        DatabaseClient.GenericExecuteSpec insert = db.sql("INSERT INTO torrent (info_hash, info_hash_v2, publication_id,"
                        + " name) VALUES (:h, :v2, :p, :n) ON CONFLICT (info_hash) DO UPDATE SET"
                        + " info_hash_v2 = COALESCE(torrent.info_hash_v2, EXCLUDED.info_hash_v2)")
                .bind("h", infoHash.bytes())
                .bind("p", publicationId)
                .bind("n", name);
        insert = infoHashV2.isPresent() ? insert.bind("v2", infoHashV2.get().bytes()) : insert.bindNull("v2", byte[].class);
        return insert.then()
                .then(db.sql("INSERT INTO torrent_publication (info_hash, publication_id) VALUES (:h, :p)"
                                + " ON CONFLICT (info_hash, publication_id) DO NOTHING")
                        .bind("h", infoHash.bytes())
                        .bind("p", publicationId)
                        .then())
                .then(db.sql("UPDATE torrent SET withdrawn_at = NULL WHERE info_hash = :h AND withdrawn_at IS NOT NULL"
                                + " AND EXISTS (SELECT 1 FROM torrent_publication WHERE info_hash = :h AND withdrawn_at IS NULL)")
                        .bind("h", infoHash.bytes())
                        .then())
                .then(db.sql("SELECT " + COLUMNS + " FROM torrent WHERE info_hash = :h")
                        .bind("h", infoHash.bytes())
                        .map(TorrentRepository::row)
                        .one());
    }

    /**
     * Marks publication {@code publicationId} of the torrent withdrawn at {@code at} (the first time only), and the
     * torrent itself when no other publication of it is live; inserts placeholder rows when the publication's
     * {@code TorrentCreated} has not arrived yet, so that it never counts as live.
     *
     * @return whether the torrent is withdrawn now (no live publication of it is left)
     */
    public Mono<Boolean> withdraw(InfoHash infoHash, UUID publicationId, Instant at) {
        return db.sql("INSERT INTO torrent_publication (info_hash, publication_id, withdrawn_at) VALUES (:h, :p, :t)"
                        + " ON CONFLICT (info_hash, publication_id) DO UPDATE SET"
                        + " withdrawn_at = COALESCE(torrent_publication.withdrawn_at, :t)")
                .bind("h", infoHash.bytes())
                .bind("p", publicationId)
                .bind("t", at)
                .then()
                .then(db.sql("INSERT INTO torrent (info_hash, publication_id, name, withdrawn_at) SELECT :h, :p, '', :t"
                                + " WHERE NOT EXISTS (SELECT 1 FROM torrent_publication WHERE info_hash = :h"
                                + " AND withdrawn_at IS NULL)"
                                + " ON CONFLICT (info_hash) DO UPDATE SET withdrawn_at = COALESCE(torrent.withdrawn_at, :t)")
                        .bind("h", infoHash.bytes())
                        .bind("p", publicationId)
                        .bind("t", at)
                        .then())
                .then(db.sql("SELECT withdrawn_at IS NOT NULL AS withdrawn FROM torrent WHERE info_hash = :h")
                        .bind("h", infoHash.bytes())
                        .map(r -> Boolean.TRUE.equals(r.get("withdrawn", Boolean.class)))
                        .one()
                        .defaultIfEmpty(false));
    }

    /** The torrent's row, withdrawn or not, if registered. */
    public Mono<RegisteredTorrent> find(InfoHash infoHash) {
        return db.sql("SELECT " + COLUMNS + " FROM torrent WHERE info_hash = :h")
                .bind("h", infoHash.bytes())
                .map(TorrentRepository::row)
                .one();
    }

    /** Adds one completed download ({@code event=completed}, BEP 3). */
    public Mono<Void> incrementCompleted(InfoHash infoHash) {
        return db.sql("UPDATE torrent SET completed = completed + 1 WHERE info_hash = :h")
                .bind("h", infoHash.bytes())
                .then();
    }

    /** Notes when a {@code SwarmEmpty} was emitted for the torrent. */
    public Mono<Void> markSwarmEmptyReported(InfoHash infoHash, Instant at) {
        return db.sql("UPDATE torrent SET swarm_empty_reported_at = :t WHERE info_hash = :h")
                .bind("t", at)
                .bind("h", infoHash.bytes())
                .then();
    }

    private static RegisteredTorrent row(Readable row) {
        byte[] v2 = row.get("info_hash_v2", byte[].class);
        return new RegisteredTorrent(InfoHash.of(row.get("info_hash", byte[].class)),
                Optional.ofNullable(v2).map(InfoHashV2::of), row.get("completed", Long.class),
                row.get("withdrawn_at", java.time.OffsetDateTime.class) != null);
    }
}
