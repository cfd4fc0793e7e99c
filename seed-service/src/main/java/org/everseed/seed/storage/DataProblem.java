package org.everseed.seed.storage;

/**
 * Why the stored file of a seeded torrent can no longer be served.
 *
 * @param kind {@link Kind#MISSING} or {@link Kind#CHANGED}
 * @param detail what was seen, for logs and events
 */
public record DataProblem(Kind kind, String detail) {

    /** The two ways a stored file goes bad. */
    public enum Kind {
        /** The blob no longer exists. */
        MISSING,
        /** The blob's length, identity or modification time changed, or a piece no longer matches its hash. */
        CHANGED
    }
}
