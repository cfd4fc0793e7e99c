package org.everseed.seed.session;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.seed.storage.TorrentData;

/**
 * A torrent this instance serves: its metainfo, its blob and the verified, opened data.
 *
 * @param metainfo the parsed .torrent
 * @param blobKey where its content is in blob storage
 * @param data the opened file and its verified pieces
 * @param uploaded bytes of blocks sent to peers since it started (BEP 3 {@code uploaded})
 */
public record SeededTorrent(Metainfo metainfo, String blobKey, TorrentData data, AtomicLong uploaded) {

    /** Checks every part is present. */
    public SeededTorrent {
        Objects.requireNonNull(metainfo, "metainfo");
        Objects.requireNonNull(blobKey, "blobKey");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(uploaded, "uploaded");
    }

    /** A torrent that has uploaded nothing yet. */
    public SeededTorrent(Metainfo metainfo, String blobKey, TorrentData data) {
        this(metainfo, blobKey, data, new AtomicLong());
    }

    /**
     * The announce's {@code left}: 0 while the file is believed whole (pieces are verified as they are
     * requested), its whole length once it turned out missing or changed.
     */
    public long unservedBytes() {
        return data.isHealthy() ? 0 : data.totalLength();
    }

    /** The v1 info_hash peers name in their handshake (BEP 3). */
    public InfoHash infoHash() {
        return metainfo.infoHash();
    }
}
