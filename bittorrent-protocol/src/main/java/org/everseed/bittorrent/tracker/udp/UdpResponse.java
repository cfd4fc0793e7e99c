package org.everseed.bittorrent.tracker.udp;

import java.util.List;
import java.util.Objects;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import org.everseed.bittorrent.tracker.ScrapeStats;

/** A decoded UDP tracker response (BEP 15), as a client reads it. */
public sealed interface UdpResponse {

    /** The transaction id the tracker echoed. */
    int transactionId();

    /**
     * The answer to a connect.
     *
     * @param transactionId echoed
     * @param connectionId the id to send with announces and scrapes
     */
    record Connect(int transactionId, long connectionId) implements UdpResponse {
    }

    /**
     * The answer to an announce: {@code interval}, leechers ({@code incomplete}), seeders
     * ({@code complete}) and compact peers without peer ids; no {@code min interval}.
     *
     * @param transactionId echoed
     * @param announce the response
     */
    record Announce(int transactionId, AnnounceResponse announce) implements UdpResponse {
        /** Checks for null. */
        public Announce {
            Objects.requireNonNull(announce, "announce");
        }
    }

    /**
     * The answer to a scrape: one entry per requested info_hash, in request order.
     *
     * @param transactionId echoed
     * @param stats the counts
     */
    record Scrape(int transactionId, List<ScrapeStats> stats) implements UdpResponse {
        /** Copies the list. */
        public Scrape {
            stats = List.copyOf(stats);
        }
    }

    /**
     * An error: the request was refused.
     *
     * @param transactionId echoed
     * @param message the reason
     */
    record Error(int transactionId, String message) implements UdpResponse {
        /** Checks for null. */
        public Error {
            Objects.requireNonNull(message, "message");
        }
    }
}
