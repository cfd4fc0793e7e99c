package org.everseed.bittorrent.tracker.udp;

import java.util.List;
import java.util.Objects;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.tracker.AnnounceRequest;

/** A decoded UDP tracker request (BEP 15). */
public sealed interface UdpRequest {

    /** The client's transaction id, to echo. */
    int transactionId();

    /**
     * A connect request: asks for a connection id.
     *
     * @param transactionId the client's transaction id
     */
    record Connect(int transactionId) implements UdpRequest {
    }

    /**
     * An announce. The packet's {@code IP address} field is ignored (the tracker uses the source
     * address, as over HTTP); its {@code key} becomes the request's key as 8 hex digits.
     *
     * @param connectionId the connection id the tracker handed out
     * @param transactionId the client's transaction id
     * @param announce the announce; {@code numwant} is {@link AnnounceRequest#NUMWANT_DEFAULT} for -1
     */
    record Announce(long connectionId, int transactionId, AnnounceRequest announce) implements UdpRequest {
        /** Checks for null. */
        public Announce {
            Objects.requireNonNull(announce, "announce");
        }
    }

    /**
     * A scrape of up to {@link UdpTrackerProtocol#MAX_SCRAPE_HASHES} swarms.
     *
     * @param connectionId the connection id the tracker handed out
     * @param transactionId the client's transaction id
     * @param infoHashes the swarms, in packet order, repeats kept: the answer has one entry per hash, in
     *     the same order
     */
    record Scrape(long connectionId, int transactionId, List<InfoHash> infoHashes) implements UdpRequest {
        /** Copies the list. */
        public Scrape {
            infoHashes = List.copyOf(infoHashes);
        }
    }
}
