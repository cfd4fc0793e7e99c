package org.everseed.bittorrent.tracker.http;

import org.everseed.bittorrent.tracker.AnnounceRequest;

/** How an HTTP announce response lists its peers. */
public enum PeerListForm {
    /** Compact strings: {@code peers} of 6-byte IPv4 entries (BEP 23), {@code peers6} of 18-byte IPv6 entries (BEP 7). */
    COMPACT,
    /** A list of dictionaries with {@code ip}, {@code port} and {@code peer id} (BEP 3). */
    DICTIONARY,
    /** A list of dictionaries with {@code ip} and {@code port} only ({@code no_peer_id=1}). */
    DICTIONARY_WITHOUT_PEER_ID;

    /** The form {@code request} asked for. */
    public static PeerListForm of(AnnounceRequest request) {
        if (request.compact()) {
            return COMPACT;
        }
        return request.noPeerId() ? DICTIONARY_WITHOUT_PEER_ID : DICTIONARY;
    }
}
