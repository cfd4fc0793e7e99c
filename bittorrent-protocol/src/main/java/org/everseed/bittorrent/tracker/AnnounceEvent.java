package org.everseed.bittorrent.tracker;

import java.util.Optional;

/**
 * The {@code event} of an announce (BEP 3). {@link #NONE} is a regular, periodic announce.
 */
public enum AnnounceEvent {
    /** A periodic announce: no {@code event} parameter, or an empty one. UDP code 0 (BEP 15). */
    NONE("", 0),
    /** The download finished; counted once per peer as a completed download. UDP code 1. */
    COMPLETED("completed", 1),
    /** The first announce of a session. UDP code 2. */
    STARTED("started", 2),
    /** The peer leaves the swarm. UDP code 3. */
    STOPPED("stopped", 3);

    private final String wireName;
    private final int udpCode;

    AnnounceEvent(String wireName, int udpCode) {
        this.wireName = wireName;
        this.udpCode = udpCode;
    }

    /** The value of the HTTP {@code event} parameter; empty for {@link #NONE}. */
    public String wireName() {
        return wireName;
    }

    /** The event number in a UDP announce (BEP 15). */
    public int udpCode() {
        return udpCode;
    }

    /**
     * The event with this HTTP wire name. {@code "paused"} (BEP 21, a partial seed going idle) counts as
     * a regular announce.
     */
    public static Optional<AnnounceEvent> fromWireName(String name) {
        return switch (name) {
            case "", "paused" -> Optional.of(NONE);
            case "completed" -> Optional.of(COMPLETED);
            case "started" -> Optional.of(STARTED);
            case "stopped" -> Optional.of(STOPPED);
            default -> Optional.empty();
        };
    }

    /** The event with this UDP code (BEP 15), if defined. */
    public static Optional<AnnounceEvent> fromUdpCode(int code) {
        for (AnnounceEvent e : values()) {
            if (e.udpCode == code) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
