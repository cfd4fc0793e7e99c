package org.everseed.metafile.catalog;

import io.r2dbc.spi.Readable;
import java.nio.ByteBuffer;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.InfoHashV2;
import org.everseed.bittorrent.metainfo.TorrentFormat;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/**
 * The {@code torrents} and {@code withdrawals} tables of the metafile schema. One torrent row per publication
 * ({@code publication_id} is the key); identical content published twice gives the same info_hash, so lookups by
 * info_hash return the oldest row that is not withdrawn. Joins the caller's R2DBC transaction.
 */
@Repository
public class TorrentCatalog {
    private static final String COLUMNS = "t.publication_id, t.info_hash, t.name, t.size, t.piece_length, t.metainfo,"
            + " t.magnet_uri, t.created_at, t.info_hash_v2, t.format, t.blob_key,"
            + " EXISTS (SELECT 1 FROM withdrawals w WHERE w.publication_id = t.publication_id) AS withdrawn";
    private static final String LIVE = " AND NOT EXISTS (SELECT 1 FROM withdrawals w WHERE w.publication_id = t.publication_id)";
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
        DatabaseClient.GenericExecuteSpec spec = db.sql("INSERT INTO torrents (publication_id, info_hash, name, size,"
                        + " piece_length, metainfo, magnet_uri, created_at, info_hash_v2, format, blob_key)"
                        + " VALUES (:pub, :hash, :name, :size, :piece, :meta, :magnet, :at, :v2, :format, :blob)"
                        + " ON CONFLICT (publication_id) DO NOTHING")
                .bind("pub", torrent.publicationId())
                .bind("hash", torrent.infoHash().bytes())
                .bind("name", torrent.name())
                .bind("size", torrent.size())
                .bind("piece", torrent.pieceLength())
                .bind("meta", torrent.metainfo())
                .bind("magnet", torrent.magnetUri())
                .bind("at", torrent.createdAt().atOffset(ZoneOffset.UTC))
                .bind("format", torrent.format().wireName());
        spec = torrent.infoHashV2().isPresent() ? spec.bind("v2", torrent.infoHashV2().get().bytes())
                : spec.bindNull("v2", byte[].class);
        spec = torrent.blobKey().isPresent() ? spec.bind("blob", torrent.blobKey().get()) : spec.bindNull("blob", String.class);
        return spec.fetch().rowsUpdated().map(n -> n == 1);
    }

    /** The oldest live (not withdrawn) torrent with this v1 (or truncated v2) info_hash, or empty. */
    public Mono<TorrentRecord> findByInfoHash(InfoHash infoHash) {
        return db.sql("SELECT " + COLUMNS + " FROM torrents t WHERE t.info_hash = :hash" + LIVE
                        + " ORDER BY t.created_at LIMIT 1")
                .bind("hash", infoHash.bytes())
                .map(TorrentCatalog::read)
                .one();
    }

    /** The oldest live (not withdrawn) torrent with this v2 info_hash, or empty. */
    public Mono<TorrentRecord> findByInfoHashV2(InfoHashV2 infoHash) {
        return db.sql("SELECT " + COLUMNS + " FROM torrents t WHERE t.info_hash_v2 = :hash" + LIVE
                        + " ORDER BY t.created_at LIMIT 1")
                .bind("hash", infoHash.bytes())
                .map(TorrentCatalog::read)
                .one();
    }

    /** The torrent of this publication, withdrawn or not, or empty. */
    public Mono<TorrentRecord> findByPublicationId(UUID publicationId) {
        return db.sql("SELECT " + COLUMNS + " FROM torrents t WHERE t.publication_id = :pub")
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

    /**
     * Marks the publication withdrawn (idempotent), whether or not its torrent exists yet.
     *
     * @return true if this call withdrew it, false if it already was
     */
    public Mono<Boolean> withdraw(UUID publicationId) {
        return db.sql("INSERT INTO withdrawals (publication_id) VALUES (:pub) ON CONFLICT (publication_id) DO NOTHING")
                .bind("pub", publicationId)
                .fetch().rowsUpdated()
                .map(n -> n == 1);
    }

    /** Whether the publication was withdrawn. */
    public Mono<Boolean> isWithdrawn(UUID publicationId) {
        return db.sql("SELECT count(*) AS n FROM withdrawals WHERE publication_id = :pub")
                .bind("pub", publicationId)
                .map(r -> r.get("n", Long.class) > 0)
                .one();
    }

    private static TorrentRecord read(Readable row) {
        Object v2 = row.get("info_hash_v2");
        return new TorrentRecord(
                row.get("publication_id", UUID.class),
                InfoHash.of(bytes(row.get("info_hash"))),
                row.get("name", String.class),
                row.get("size", Long.class),
                row.get("piece_length", Integer.class),
                bytes(row.get("metainfo")),
                row.get("magnet_uri", String.class),
                row.get("created_at", OffsetDateTime.class).toInstant(),
                v2 == null ? Optional.empty() : Optional.of(InfoHashV2.of(bytes(v2))),
                TorrentFormat.parse(row.get("format", String.class)),
                Optional.ofNullable(row.get("blob_key", String.class)),
                Boolean.TRUE.equals(row.get("withdrawn", Boolean.class)));
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
