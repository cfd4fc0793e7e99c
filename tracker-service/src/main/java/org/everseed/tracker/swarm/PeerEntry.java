package org.everseed.tracker.swarm;

import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.PeerAddress;

/** One peer in a swarm; mutable, guarded by the swarm's lock. */
final class PeerEntry {
    final PeerId peerId;
    PeerAddress address;
    long lastSeenMillis;

    PeerEntry(PeerId peerId, PeerAddress address, long lastSeenMillis) {
        this.peerId = peerId;
        this.address = address;
        this.lastSeenMillis = lastSeenMillis;
    }
}
