package org.everseed.tracker.swarm;

import org.everseed.bittorrent.id.InfoHash;

/**
 * A consistent count of one swarm.
 *
 * @param infoHash the swarm
 * @param seeders peers with {@code left=0}
 * @param leechers the other peers
 * @param completed completed downloads ever
 */
public record SwarmCounts(InfoHash infoHash, int seeders, int leechers, long completed) {
}
