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
     * Registers a torrent unless it is registered already (an event seen twice changes nothing), and
     * returns its row as stored, which may say it was withdrawn before this registration arrived.
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
                .then(db.sql("SELECT " + COLUMNS + " FROM torrent WHERE info_hash = :h")
                        .bind("h", infoHash.bytes())
                        .map(TorrentRepository::row)
                        .one());
    }

    /**
     * Marks the torrent withdrawn at {@code at} (the first time only); inserts a placeholder row when its
     * {@code TorrentCreated} has not arrived yet, so that it is never tracked.
     */
    public Mono<Void> withdraw(InfoHash infoHash, UUID publicationId, Instant at) {
        return db.sql("INSERT INTO torrent (info_hash, publication_id, name, withdrawn_at) VALUES (:h, :p, '', :t)"
                        + " ON CONFLICT (info_hash) DO UPDATE SET withdrawn_at = COALESCE(torrent.withdrawn_at, :t)")
                .bind("h", infoHash.bytes())
                .bind("p", publicationId)
                .bind("t", at)
                .then();
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
