package org.everseed.bittorrent.tracker;

/**
 * A tracker response that cannot be read: not bencode, a missing or mistyped field, or a compact peer
 * string whose length is not a multiple of the entry size. Carries the byte offset in the response
 * where the problem was found.
 */
public final class TrackerResponseException extends RuntimeException {
    private final long offset;
    private final String reason;

    /**
     * @param reason what is wrong
     * @param offset byte offset in the response
     * @param cause the underlying error, or null
     */
    public TrackerResponseException(String reason, long offset, Throwable cause) {
        super(reason + " at byte " + offset, cause);
        this.reason = reason;
        this.offset = offset;
    }

    /** The byte offset in the response where the problem was found. */
    public long offset() {
        return offset;
    }

    /** What is wrong, without the offset. */
    public String reason() {
        return reason;
    }
}
