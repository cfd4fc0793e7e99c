package org.everseed.bittorrent.bencode;

/**
 * Thrown when input is not strict, canonical bencode (BEP 3) or breaks a decoder limit. Carries the
 * byte offset in the input where the problem was found.
 */
public final class BencodeException extends RuntimeException {
    private final long offset;
    private final String reason;

    /**
     * @param reason what is wrong, in words
     * @param offset byte offset in the input where it was found
     */
    public BencodeException(String reason, long offset) {
        super(reason + " at byte " + offset);
        this.reason = reason;
        this.offset = offset;
    }

    /** The byte offset in the input where the problem was found. */
    public long offset() {
        return offset;
    }

    /** What is wrong, without the offset. */
    public String reason() {
        return reason;
    }
}
