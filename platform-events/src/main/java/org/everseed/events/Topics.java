package org.everseed.events;

import java.util.List;

/**
 * Kafka topic names. One topic per event type, versioned with it; a poison record moves to the
 * topic's dead-letter twin, {@code <topic>-dlt}.
 */
public final class Topics {
    /** {@link FileUploaded}, keyed by publication id. */
    public static final String FILE_UPLOADED = "everseed.file-uploaded.v1";
    /** {@link TorrentCreated}, keyed by info_hash (hex). */
    public static final String TORRENT_CREATED = "everseed.torrent-created.v1";
    /** {@link SwarmEmpty}, keyed by info_hash (hex). */
    public static final String SWARM_EMPTY = "everseed.swarm-empty.v1";
    /** {@link SwarmStats}, keyed by info_hash (hex). */
    public static final String SWARM_STATS = "everseed.swarm-stats.v1";
    /** {@link PublicationWithdrawn}, keyed by publication id. */
    public static final String PUBLICATION_WITHDRAWN = "everseed.publication-withdrawn.v1";
    /** {@link EverseedStopped}, keyed by info_hash (hex). */
    public static final String EVERSEED_STOPPED = "everseed.everseed-stopped.v1";
    /** Suffix of dead-letter topics. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    private Topics() {
    }

    /** Every event topic, without dead-letter topics. */
    public static List<String> all() {
        return List.of(FILE_UPLOADED, TORRENT_CREATED, SWARM_EMPTY, SWARM_STATS, PUBLICATION_WITHDRAWN,
                EVERSEED_STOPPED);
    }

    /** The dead-letter topic of {@code topic}. */
    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
