package org.everseed.tracker.catalog;

import java.time.Instant;
import java.util.UUID;
import org.everseed.bittorrent.id.InfoHash;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The {@code torrent} table, through R2DBC. Info hashes are stored as their 20 raw bytes. */
@Repository
public class TorrentRepository {
    private final DatabaseClient db;

    /** @param db the client on the tracker schema */
    public TorrentRepository(DatabaseClient db) {
        this.db = db;
    }

    /** Every registered torrent. */
    public Flux<RegisteredTorrent> findAll() {
        return db.sql("SELECT info_hash, completed FROM torrent")
                .map((row, meta) -> new RegisteredTorrent(InfoHash.of(row.get("info_hash", byte[].class)),
                        row.get("completed", Long.class)))
                .all();
    }

    /**
     * Registers a torrent unless it is registered already (an event seen twice changes nothing), and
     * returns its row as stored.
     */
    public Mono<RegisteredTorrent> register(InfoHash infoHash, UUID publicationId, String name) {
        return db.sql("INSERT INTO torrent (info_hash, publication_id, name) VALUES (:h, :p, :n)"
                        + " ON CONFLICT (info_hash) DO NOTHING")
                .bind("h", infoHash.bytes())
                .bind("p", publicationId)
                .bind("n", name)
                .then()
                .then(db.sql("SELECT info_hash, completed FROM torrent WHERE info_hash = :h")
                        .bind("h", infoHash.bytes())
                        .map((row, meta) -> new RegisteredTorrent(infoHash, row.get("completed", Long.class)))
                        .one());
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
}
