package org.everseed.seed.seeding;

import org.everseed.bittorrent.id.InfoHash;

/** metafile-service has no .torrent for this info_hash. */
public final class TorrentNotFoundException extends RuntimeException {

    /** @param infoHash the torrent asked for */
    public TorrentNotFoundException(InfoHash infoHash) {
        super("metafile-service has no torrent " + infoHash);
    }
}
