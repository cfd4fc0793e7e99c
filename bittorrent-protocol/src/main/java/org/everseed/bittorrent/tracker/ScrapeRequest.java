package org.everseed.bittorrent.tracker;

import java.util.List;
import org.everseed.bittorrent.id.InfoHash;

/**
 * A scrape (BEP 48): the swarms whose counts are wanted, in request order, without duplicates. An empty
 * list asks for every swarm, which trackers may refuse.
 *
 * @param infoHashes the swarms
 */
public record ScrapeRequest(List<InfoHash> infoHashes) {

    /** Copies the list, dropping repeats. */
    public ScrapeRequest {
        infoHashes = List.copyOf(new java.util.LinkedHashSet<>(infoHashes));
    }
}
