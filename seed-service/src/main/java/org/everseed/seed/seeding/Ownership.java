package org.everseed.seed.seeding;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.kafka.common.utils.Utils;
import org.everseed.bittorrent.id.InfoHash;

/**
 * Which torrents this instance seeds when several share the {@code everseed} table: those whose
 * {@code TorrentCreated} partition (Kafka's default partitioner over the info_hash key, 40 lower-case
 * hex digits) is assigned to this instance in the seed-service consumer group. Kafka assigns every
 * partition to one live member, so every torrent has an owner. Immutable.
 *
 * @param partitionCount partitions of the topic; 0 while nothing is assigned
 * @param owned the partitions assigned here
 * @param everything whether this instance seeds every torrent (one instance, no splitting)
 */
public record Ownership(int partitionCount, Set<Integer> owned, boolean everything) {
    /** Nothing owned: before the first assignment. */
    public static final Ownership NONE = new Ownership(0, Set.of(), false);
    /** Everything owned: splitting is off. */
    public static final Ownership ALL = new Ownership(0, Set.of(), true);

    /** Copies the set. */
    public Ownership {
        owned = Set.copyOf(owned);
    }

    /** Whether this instance seeds {@code infoHash}. */
    public boolean owns(InfoHash infoHash) {
        return everything || (partitionCount > 0 && owned.contains(partitionOf(infoHash, partitionCount)));
    }

    /** The partition Kafka's default partitioner gives a record keyed by {@code infoHash}'s hex form. */
    public static int partitionOf(InfoHash infoHash, int partitionCount) {
        byte[] key = infoHash.hex().getBytes(StandardCharsets.US_ASCII);
        return Utils.toPositive(Utils.murmur2(key)) % partitionCount;
    }
}
