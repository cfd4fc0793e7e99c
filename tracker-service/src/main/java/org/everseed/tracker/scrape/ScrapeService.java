package org.everseed.tracker.scrape;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.tracker.ScrapeRequest;
import org.everseed.bittorrent.tracker.ScrapeResponse;
import org.everseed.bittorrent.tracker.ScrapeStats;
import org.everseed.bittorrent.tracker.TrackerFailureException;
import org.everseed.tracker.swarm.Swarm;
import org.everseed.tracker.swarm.SwarmCounts;
import org.everseed.tracker.swarm.SwarmRegistry;
import org.springframework.stereotype.Service;

/**
 * Answers scrapes (BEP 48) from the swarms in memory. Unregistered info_hashes are left out of
 * {@code files}; a scrape naming none ("scrape everything") is refused. Never blocks.
 */
@Service
public class ScrapeService {
    /** The failure reason for a scrape without info_hash. */
    public static final String FULL_SCRAPE_REFUSED = "full scrape not supported: name at least one info_hash";
    private static final ScrapeStats ZERO = new ScrapeStats(0, 0, 0);
    private final SwarmRegistry registry;

    /** @param registry the swarms */
    public ScrapeService(SwarmRegistry registry) {
        this.registry = registry;
    }

    /**
     * The counts of each registered swarm named in {@code request}.
     *
     * @throws TrackerFailureException if the request names no info_hash
     */
    public ScrapeResponse scrape(ScrapeRequest request) {
        if (request.infoHashes().isEmpty()) {
            throw new TrackerFailureException(FULL_SCRAPE_REFUSED);
        }
        Map<InfoHash, ScrapeStats> files = new LinkedHashMap<>();
        for (InfoHash h : request.infoHashes()) {
            registry.find(h).ifPresent(swarm -> {
                SwarmCounts c = swarm.counts();
                files.put(h, new ScrapeStats(c.seeders(), c.completed(), c.leechers()));
            });
        }
        return new ScrapeResponse(files);
    }

    /**
     * The counts of each swarm in {@code infoHashes}, one entry per hash in the same order (BEP 15 has no
     * way to leave one out): zeros for an unregistered info_hash.
     */
    public List<ScrapeStats> statsInOrder(List<InfoHash> infoHashes) {
        List<ScrapeStats> stats = new ArrayList<>(infoHashes.size());
        for (InfoHash h : infoHashes) {
            Swarm swarm = registry.get(h);
            SwarmCounts c = swarm == null ? null : swarm.counts();
            stats.add(c == null ? ZERO : new ScrapeStats(c.seeders(), c.completed(), c.leechers()));
        }
        return stats;
    }
}
