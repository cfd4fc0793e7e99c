package org.everseed.bittorrent.tracker;

/**
 * The counts of one swarm in a scrape response (BEP 48).
 *
 * @param complete seeders now
 * @param downloaded completed downloads ever ({@code event=completed} announces)
 * @param incomplete leechers now
 */
public record ScrapeStats(int complete, long downloaded, int incomplete) {

    /** Checks that no count is negative. */
    public ScrapeStats {
        if (complete < 0 || downloaded < 0 || incomplete < 0) {
            throw new IllegalArgumentException("scrape counts must not be negative");
        }
    }
}
