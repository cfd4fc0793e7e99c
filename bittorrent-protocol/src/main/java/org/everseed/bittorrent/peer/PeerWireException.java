package org.everseed.bittorrent.peer;

/**
 * Thrown when bytes from a peer break the peer wire protocol (BEP 3, BEP 6, BEP 10). Carries the
 * offset of the offending byte, counted from the start of the handshake or message being decoded
 * (the first byte of its length prefix). A peer that sends such bytes is to be disconnected.
 */
public class PeerWireException extends RuntimeException {
    private final long offset;
    private final String reason;

    /**
     * @param reason what is wrong, in words
     * @param offset offset of the offending byte from the start of the handshake or message
     */
    public PeerWireException(String reason, long offset) {
        super(reason + " at byte " + offset);
        this.reason = reason;
        this.offset = offset;
    }

    /** Offset of the offending byte from the start of the handshake or message. */
    public long offset() {
        return offset;
    }

    /** What is wrong, without the offset. */
    public String reason() {
        return reason;
    }
}
