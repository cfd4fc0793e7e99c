package org.everseed.seed.seeding;

import org.everseed.bittorrent.id.InfoHash;
import reactor.core.publisher.Mono;

/** Where .torrent files come from: metafile-service's {@code GET /torrents/{infoHash}.torrent}. */
public interface TorrentSource {

    /**
     * The .torrent bytes of {@code infoHash}, as served (BEP 3).
     *
     * @return the bytes; an error {@link TorrentNotFoundException} if the source has no such torrent,
     *     or another error if it cannot be reached
     */
    Mono<byte[]> fetch(InfoHash infoHash);
}
