package org.everseed.tracker.catalog;

import org.everseed.bittorrent.id.InfoHash;

/**
 * A row of {@code torrent}.
 *
 * @param infoHash the swarm
 * @param completed completed downloads counted so far
 */
public record RegisteredTorrent(InfoHash infoHash, long completed) {
}
