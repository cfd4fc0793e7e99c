package org.everseed.metafile.catalog;

import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import org.everseed.bittorrent.id.InfoHash;

/**
 * One stored torrent: a row of {@code metafile.torrents}.
 *
 * @param publicationId the publication it was made for (unique)
 * @param infoHash the v1 info_hash (BEP 3)
 * @param name the torrent name
 * @param size content length in bytes
 * @param pieceLength piece length in bytes
 * @param metainfo the .torrent bytes as served; accessor returns a copy
 * @param magnetUri the magnet link (BEP 9)
 * @param createdAt when it was stored
 */
public record TorrentRecord(
        UUID publicationId,
        InfoHash infoHash,
        String name,
        long size,
        int pieceLength,
        byte[] metainfo,
        String magnetUri,
        Instant createdAt) {

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
                && Arrays.equals(metainfo, r.metainfo) && magnetUri.equals(r.magnetUri) && createdAt.equals(r.createdAt);
    }

    @Override
    public int hashCode() {
        return publicationId.hashCode();
    }

    @Override
    public String toString() {
        return "TorrentRecord[" + infoHash + " " + name + " for " + publicationId + "]";
    }
}
