package org.everseed.bittorrent.tracker;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.everseed.bittorrent.id.InfoHash;

/**
 * A scrape response (BEP 48): counts per swarm, keyed by info_hash. Swarms the tracker does not know are
 * simply absent.
 *
 * @param files the counts of each swarm
 */
public record ScrapeResponse(Map<InfoHash, ScrapeStats> files) {

    /** Copies the map, keeping its order. */
    public ScrapeResponse {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }
}
