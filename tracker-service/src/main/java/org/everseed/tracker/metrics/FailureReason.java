package org.everseed.tracker.metrics;

import org.everseed.bittorrent.tracker.TrackerFailureException;
import org.everseed.bittorrent.tracker.TrackerRequestException;
import org.everseed.tracker.announce.AnnounceService;
import org.everseed.tracker.scrape.ScrapeService;

/** Why a tracker request failed: the {@code reason} tag of the failure counter, few values by design. */
public enum FailureReason {
    /** The request broke the protocol: a missing or bad field, a bad escape, a short packet. */
    MALFORMED,
    /** The info_hash is not a registered torrent. */
    UNREGISTERED,
    /** A scrape without info_hash. */
    FULL_SCRAPE,
    /** A UDP packet whose connection id did not check out: dropped without an answer. */
    UNAUTHENTICATED,
    /** An error of the tracker's own. */
    INTERNAL;

    /** The tag value, e.g. {@code full_scrape}. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The reason behind {@code error}, as the transports see it. */
    public static FailureReason of(Throwable error) {
        return switch (error) {
            case TrackerRequestException e -> MALFORMED;
            case TrackerFailureException e when AnnounceService.UNREGISTERED.equals(e.failureReason()) -> UNREGISTERED;
            case TrackerFailureException e when ScrapeService.FULL_SCRAPE_REFUSED.equals(e.failureReason()) -> FULL_SCRAPE;
            default -> INTERNAL;
        };
    }
}
