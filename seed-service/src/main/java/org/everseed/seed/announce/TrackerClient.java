package org.everseed.seed.announce;

import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import reactor.core.publisher.Mono;

/** Sends one announce to a tracker (BEP 3 over HTTP). */
public interface TrackerClient {

    /**
     * Announces {@code request} to {@code announceUrl}.
     *
     * @return the tracker's response; an error {@code TrackerFailureException} when the tracker sent
     *     a {@code failure reason}, or another error when it cannot be reached or answers garbage
     */
    Mono<AnnounceResponse> announce(String announceUrl, AnnounceRequest request);

    /** Whether this client can announce to {@code announceUrl} (its scheme). */
    boolean supports(String announceUrl);
}
