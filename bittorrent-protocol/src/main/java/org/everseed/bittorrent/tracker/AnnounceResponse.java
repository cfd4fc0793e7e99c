package org.everseed.bittorrent.tracker;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A successful announce response (BEP 3). A failure is not a response but a
 * {@link TrackerFailureException}.
 *
 * @param interval {@code interval}: seconds the client should wait between regular announces
 * @param minInterval {@code min interval}: seconds the client must wait at least, if given
 * @param complete {@code complete}: seeders in the swarm, if given
 * @param incomplete {@code incomplete}: leechers in the swarm, if given
 * @param peers the peers handed out: IPv4 in {@code peers}, IPv6 in {@code peers6} (BEP 7)
 * @param warningMessage {@code warning message}: shown to the user, the announce still succeeded
 * @param trackerId {@code tracker id}: to send back as {@code trackerid}
 */
public record AnnounceResponse(
        int interval,
        OptionalInt minInterval,
        OptionalInt complete,
        OptionalInt incomplete,
        List<Peer> peers,
        Optional<String> warningMessage,
        Optional<String> trackerId) {

    /** Copies the peer list; checks that nothing is null or negative. */
    public AnnounceResponse {
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(complete, "complete");
        Objects.requireNonNull(incomplete, "incomplete");
        Objects.requireNonNull(warningMessage, "warningMessage");
        Objects.requireNonNull(trackerId, "trackerId");
        peers = List.copyOf(peers);
        if (interval < 0) {
            throw new IllegalArgumentException("interval must not be negative: " + interval);
        }
    }

    /** The usual tracker answer: intervals, counts, peers; no warning and no tracker id. */
    public static AnnounceResponse of(int interval, int minInterval, int complete, int incomplete, List<Peer> peers) {
        return new AnnounceResponse(interval, OptionalInt.of(minInterval), OptionalInt.of(complete),
                OptionalInt.of(incomplete), peers, Optional.empty(), Optional.empty());
    }

    /** A copy with a {@code warning message}. */
    public AnnounceResponse withWarning(String message) {
        return new AnnounceResponse(interval, minInterval, complete, incomplete, peers, Optional.of(message), trackerId);
    }
}
