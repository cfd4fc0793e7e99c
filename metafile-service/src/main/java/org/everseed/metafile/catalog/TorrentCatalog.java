package org.everseed.metafile.catalog;

import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.everseed.bittorrent.id.InfoHash;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The {@code torrents} table of the metafile schema. One row per publication ({@code publication_id} is the key);
 * identical content published twice gives the same info_hash, so lookups by info_hash return the oldest row.
 * Joins the caller's R2DBC transaction.
 */
@Repository
public class TorrentCatalog {
    private static final String COLUMNS = "publication_id, info_hash, name, size, piece_length, metainfo, magnet_uri, created_at";
    private final DatabaseClient db;

    /** @param db the service's database client */
    public TorrentCatalog(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Inserts {@code torrent} unless its publication already has one.
     *
     * @return true if the row was inserted, false if the publication already had a torrent
     */
    public Mono<Boolean> insert(TorrentRecord torrent) {
        return db.sql("INSERT INTO torrents (" + COLUMNS + ") VALUES (:pub, :hash, :name, :size, :piece, :meta, :magnet, :at)"
                        + " ON CONFLICT (publication_id) DO NOTHING")
                .bind("pub", torrent.publicationId())
                .bind("hash", torrent.infoHash().bytes())
                .bind("name", torrent.name())
                .bind("size", torrent.size())
                .bind("piece", torrent.pieceLength())
                .bind("meta", torrent.metainfo())
                .bind("magnet", torrent.magnetUri())
                .bind("at", torrent.createdAt().atOffset(java.time.ZoneOffset.UTC))
                .fetch().rowsUpdated()
                .map(n -> n == 1);
    }

    /** The oldest torrent with this info_hash, or empty. */
    public Mono<TorrentRecord> findByInfoHash(InfoHash infoHash) {
        return db.sql("SELECT " + COLUMNS + " FROM torrents WHERE info_hash = :hash ORDER BY created_at LIMIT 1")
                .bind("hash", infoHash.bytes())
                .map(TorrentCatalog::read)
                .one();
    }

    /** The torrent of this publication, or empty. */
    public Mono<TorrentRecord> findByPublicationId(UUID publicationId) {
        return db.sql("SELECT " + COLUMNS + " FROM torrents WHERE publication_id = :pub")
                .bind("pub", publicationId)
                .map(TorrentCatalog::read)
                .one();
    }

    /** The number of torrents of this publication: 0 or 1. */
    public Mono<Long> countByPublicationId(UUID publicationId) {
        return db.sql("SELECT count(*) AS n FROM torrents WHERE publication_id = :pub")
                .bind("pub", publicationId)
                .map(r -> r.get("n", Long.class))
                .one();
    }

    private static TorrentRecord read(Readable row) {
        return new TorrentRecord(
                row.get("publication_id", UUID.class),
                InfoHash.of(bytes(row.get("info_hash"))),
                row.get("name", String.class),
                row.get("size", Long.class),
                row.get("piece_length", Integer.class),
                bytes(row.get("metainfo")),
                row.get("magnet_uri", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant());
    }

    private static byte[] bytes(Object value) {
        if (value instanceof ByteBuffer buffer) {
            byte[] b = new byte[buffer.remaining()];
            buffer.get(b);
            return b;
        }
        return (byte[]) value;
    }
}
