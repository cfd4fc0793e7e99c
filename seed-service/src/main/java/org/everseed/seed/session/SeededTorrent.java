package org.everseed.seed.session;

import java.util.Objects;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.seed.storage.TorrentData;

/**
 * A torrent this instance serves: its metainfo, its blob and the verified, opened data.
 *
 * @param metainfo the parsed .torrent
 * @param blobKey where its content is in blob storage
 * @param data the opened file and its verified pieces
 */
public record SeededTorrent(Metainfo metainfo, String blobKey, TorrentData data) {

    /** Checks every part is present. */
    public SeededTorrent {
        Objects.requireNonNull(metainfo, "metainfo");
        Objects.requireNonNull(blobKey, "blobKey");
        Objects.requireNonNull(data, "data");
    }

    /** The v1 info_hash peers name in their handshake (BEP 3). */
    public InfoHash infoHash() {
        return metainfo.infoHash();
    }
}
