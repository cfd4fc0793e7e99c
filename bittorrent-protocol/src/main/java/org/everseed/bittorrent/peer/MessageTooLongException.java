package org.everseed.bittorrent.peer;

/**
 * A message's length prefix declares more bytes than the decoder accepts (for example a 2 GB prefix
 * from a hostile peer). Thrown as soon as the 4-byte prefix is read, before anything is allocated;
 * the offset is always 0, the first byte of the prefix.
 */
public final class MessageTooLongException extends PeerWireException {
    private final long declaredLength;
    private final int maxLength;

    /**
     * @param declaredLength the length the prefix declares, as an unsigned 32-bit value
     * @param maxLength the largest length the decoder accepts
     */
    public MessageTooLongException(long declaredLength, int maxLength) {
        super("declared message length " + declaredLength + " exceeds the maximum " + maxLength, 0);
        this.declaredLength = declaredLength;
        this.maxLength = maxLength;
    }

    /** The length the prefix declared (unsigned 32-bit). */
    public long declaredLength() {
        return declaredLength;
    }

    /** The largest length the decoder accepts. */
    public int maxLength() {
        return maxLength;
    }
}
