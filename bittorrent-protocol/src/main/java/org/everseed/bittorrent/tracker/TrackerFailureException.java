package org.everseed.bittorrent.tracker;

/**
 * The tracker refused a request and said why: the {@code failure reason} of an HTTP response (BEP 3)
 * or the message of a UDP error packet (BEP 15).
 */
public final class TrackerFailureException extends RuntimeException {
    private final String failureReason;

    /** @param failureReason the tracker's words, as text */
    public TrackerFailureException(String failureReason) {
        super("tracker failure: " + failureReason);
        this.failureReason = failureReason;
    }

    /** The tracker's words. */
    public String failureReason() {
        return failureReason;
    }
}
