package org.everseed.seed.announce;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.everseed.bittorrent.metainfo.Metainfo;

/**
 * The trackers of one torrent in announce order (BEP 12): the tiers of {@code announce-list} in order, else the one
 * {@code announce}; URLs whose scheme no client speaks and repeats are left out, and so are tiers left empty. The
 * tiers are taken in the metainfo's order, not shuffled (BEP 12 asks for a shuffle; ours, written by
 * metafile-service, have one tracker per tier, and a fixed order keeps every everseed on the preferred tracker).
 * A tracker that answers moves to the front of its tier (BEP 12). Thread-safe.
 */
final class TrackerTiers {
    private final List<List<String>> tiers;

    private TrackerTiers(List<List<String>> tiers) {
        this.tiers = tiers;
    }

    /** The tiers of {@code metainfo}, keeping the URLs {@code supported} accepts. */
    static TrackerTiers of(Metainfo metainfo, Predicate<String> supported) {
        List<List<String>> source = !metainfo.announceList().isEmpty() ? metainfo.announceList()
                : metainfo.announce().map(List::of).map(List::of).orElse(List.of());
        return of(source, supported);
    }

    /** The tiers {@code source}, keeping the URLs {@code supported} accepts. */
    static TrackerTiers of(List<List<String>> source, Predicate<String> supported) {
        List<List<String>> tiers = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (List<String> tier : source) {
            List<String> kept = new ArrayList<>();
            for (String url : tier) {
                if (supported.test(url) && !seen.contains(url)) {
                    seen.add(url);
                    kept.add(url);
                }
            }
            if (!kept.isEmpty()) {
                tiers.add(kept);
            }
        }
        return new TrackerTiers(tiers);
    }

    /** Whether no tracker is left to announce to. */
    synchronized boolean isEmpty() {
        return tiers.isEmpty();
    }

    /** Every tracker in the order to try them now: tier by tier, each tier in its current order. */
    synchronized List<String> inOrder() {
        return tiers.stream().flatMap(List::stream).toList();
    }

    /** {@code url} answered: it moves to the front of its tier (BEP 12); an unknown URL changes nothing. */
    synchronized void answered(String url) {
        for (List<String> tier : tiers) {
            if (tier.remove(url)) {
                tier.addFirst(url);
                return;
            }
        }
    }
}
