package org.everseed.bittorrent.tracker;

/**
 * A tracker request that breaks the protocol or a limit: a missing or malformed parameter, a bad
 * percent escape, an oversized query. Carries the offset in the request (a character index of the raw
 * HTTP query, or a byte offset of a UDP packet) and a reason fit to send back as {@code failure reason}.
 */
public final class TrackerRequestException extends RuntimeException {
    private final int offset;
    private final String reason;

    /**
     * @param reason what is wrong, fit for the client to read
     * @param offset where in the request it was found
     */
    public TrackerRequestException(String reason, int offset) {
        super(reason + " at offset " + offset);
        this.reason = reason;
        this.offset = offset;
    }

    /** Where in the request the problem was found. */
    public int offset() {
        return offset;
    }

    /** What is wrong, without the offset: the {@code failure reason} to send. */
    public String reason() {
        return reason;
    }
}
