package org.everseed.tracker.catalog;

import java.util.Optional;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.InfoHashV2;

/**
 * A row of {@code torrent}.
 *
 * @param infoHash the swarm: the v1 info_hash, or the truncated v2 one of a v2-only torrent
 * @param infoHashV2 the v2 info_hash of a v2 or hybrid torrent (BEP 52)
 * @param completed completed downloads counted so far
 * @param withdrawn whether the publication was withdrawn: no longer tracked
 */
public record RegisteredTorrent(InfoHash infoHash, Optional<InfoHashV2> infoHashV2, long completed,
                                boolean withdrawn) {

    /** The second key of the swarm: the truncated v2 info_hash, if there is one. */
    public Optional<InfoHash> alias() {
        return infoHashV2.map(InfoHashV2::truncated);
    }
}
