package org.everseed.bittorrent.magnet;

/**
 * A magnet URI is malformed or breaks a {@link MagnetUri} bound. Carries the reason and the character
 * index in the URI where the problem was found.
 */
public final class MagnetException extends RuntimeException {
    private final String reason;
    private final int index;

    /**
     * @param reason what is wrong
     * @param index character index in the URI
     */
    public MagnetException(String reason, int index) {
        super(reason + " at character " + index);
        this.reason = reason;
        this.index = index;
    }

    /** What is wrong, without the position. */
    public String reason() {
        return reason;
    }

    /** The character index in the URI where the problem was found. */
    public int index() {
        return index;
    }
}
