package org.everseed.tracker.swarm;

import java.util.List;
import org.everseed.bittorrent.tracker.Peer;

/**
 * What an announce did to a swarm.
 *
 * @param peers the peers to hand out, never the announcing peer itself
 * @param seeders seeders after the announce
 * @param leechers leechers after the announce
 * @param completedCounted whether this announce counted as a completed download
 */
public record AnnounceOutcome(List<Peer> peers, int seeders, int leechers, boolean completedCounted) {
}
