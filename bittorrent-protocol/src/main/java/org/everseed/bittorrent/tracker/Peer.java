package org.everseed.bittorrent.tracker;

import java.util.Objects;
import java.util.Optional;
import org.everseed.bittorrent.id.PeerId;

/**
 * A peer in an announce response: its address and, in the dictionary form of BEP 3 without
 * {@code no_peer_id}, its peer_id. Compact peers (BEP 23, BEP 7) carry no peer_id.
 *
 * @param address IP and port
 * @param peerId the peer_id, if the response carried one
 */
public record Peer(PeerAddress address, Optional<PeerId> peerId) {

    /** Checks for nulls. */
    public Peer {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(peerId, "peerId");
    }

    /** A peer known only by its address. */
    public static Peer of(PeerAddress address) {
        return new Peer(address, Optional.empty());
    }

    /** A peer with its peer_id. */
    public static Peer of(PeerAddress address, PeerId peerId) {
        return new Peer(address, Optional.of(peerId));
    }
}
