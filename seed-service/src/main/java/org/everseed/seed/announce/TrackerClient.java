package org.everseed.seed.announce;

import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import reactor.core.publisher.Mono;

/**
 * Sends one announce to a tracker of the schemes it {@link #supports}: HTTP(S) (BEP 3) or UDP (BEP 15). An
 * implementation bounds its own wait and never blocks the calling thread.
 */
public interface TrackerClient {

    /**
     * Announces {@code request} to {@code announceUrl}.
     *
     * @return the tracker's response; an error {@code TrackerFailureException} when the tracker refused it (an
     *     HTTP {@code failure reason}, a UDP error answer), or another error when it cannot be reached, stays silent
     *     past the client's time-out or answers garbage
     */
    Mono<AnnounceResponse> announce(String announceUrl, AnnounceRequest request);

    /** Whether this client can announce to {@code announceUrl} (its scheme). */
    boolean supports(String announceUrl);
}
