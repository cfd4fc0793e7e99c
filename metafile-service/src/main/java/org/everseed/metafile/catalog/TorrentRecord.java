package org.everseed.metafile.catalog;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.InfoHashV2;
import org.everseed.bittorrent.metainfo.TorrentFormat;

/**
 * One stored torrent: a row of {@code metafile.torrents}.
 *
 * @param publicationId the publication it was made for (unique)
 * @param infoHash the v1 info_hash (BEP 3); for a v2-only torrent the truncated v2 one (BEP 52)
 * @param name the torrent name
 * @param size content length in bytes
 * @param pieceLength piece length in bytes
 * @param metainfo the .torrent bytes as served; accessor returns a copy
 * @param magnetUri the magnet link (BEP 9)
 * @param createdAt when it was stored
 * @param infoHashV2 the v2 info_hash (BEP 52) of v2 and hybrid torrents
 * @param format v1, v2 or hybrid
 * @param blobKey where the content is in blob storage; empty for rows older than this column
 * @param withdrawn whether the publication was withdrawn (the row stays, nothing is served)
 */
public record TorrentRecord(
        UUID publicationId,
        InfoHash infoHash,
        String name,
        long size,
        int pieceLength,
        byte[] metainfo,
        String magnetUri,
        Instant createdAt,
        Optional<InfoHashV2> infoHashV2,
        TorrentFormat format,
        Optional<String> blobKey,
        boolean withdrawn) {

    /** Copies the metainfo bytes. */
    public TorrentRecord {
        metainfo = metainfo.clone();
    }

    /** A copy of the .torrent bytes. */
    @Override
    public byte[] metainfo() {
        return metainfo.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TorrentRecord r && publicationId.equals(r.publicationId) && infoHash.equals(r.infoHash)
                && name.equals(r.name) && size == r.size && pieceLength == r.pieceLength
                && Arrays.equals(metainfo, r.metainfo) && magnetUri.equals(r.magnetUri) && createdAt.equals(r.createdAt)
                && infoHashV2.equals(r.infoHashV2) && format == r.format && blobKey.equals(r.blobKey)
                && withdrawn == r.withdrawn;
    }

    @Override
    public int hashCode() {
        return publicationId.hashCode();
    }

    @Override
    public String toString() {
        return "TorrentRecord[" + infoHash + " " + format.wireName() + " " + name + " for " + publicationId
                + (withdrawn ? ", withdrawn" : "") + "]";
    }
}
