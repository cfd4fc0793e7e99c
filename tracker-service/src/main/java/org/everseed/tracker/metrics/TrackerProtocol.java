package org.everseed.tracker.metrics;

/** The transport a tracker request came over: the {@code protocol} tag of the metrics. */
public enum TrackerProtocol {
    /** HTTP announce and scrape (BEP 3, BEP 48). */
    HTTP,
    /** UDP tracker protocol (BEP 15). */
    UDP;

    /** The tag value: {@code http} or {@code udp}. */
    public String tag() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
