package org.everseed.bittorrent.tracker;

import java.util.Objects;
import java.util.Optional;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;

/**
 * An announce (BEP 3), as a client sends it and a tracker reads it, whatever the transport. The peer's
 * IP address is not part of it: a tracker takes it from the connection.
 *
 * @param infoHash {@code info_hash}: the swarm (BEP 3; the truncated v2 hash for v2 swarms, BEP 52)
 * @param peerId {@code peer_id} of the announcing client
 * @param port {@code port}: the client's TCP listening port, 1..65535
 * @param uploaded {@code uploaded}: bytes sent this session, at least 0
 * @param downloaded {@code downloaded}: bytes received this session, at least 0
 * @param left {@code left}: bytes still missing, at least 0; 0 means a seeder
 * @param event {@code event}: started, completed, stopped or none
 * @param numWant {@code numwant}: peers wanted, at least 0, or {@link #NUMWANT_DEFAULT} when not given
 * @param compact {@code compact=1}: peers wanted as compact strings (BEP 23)
 * @param noPeerId {@code no_peer_id=1}: dictionary peers without their peer_id
 * @param key {@code key}: a client-chosen secret identifying the client across IP changes
 * @param trackerId {@code trackerid} the tracker handed out earlier
 */
public record AnnounceRequest(
        InfoHash infoHash,
        PeerId peerId,
        int port,
        long uploaded,
        long downloaded,
        long left,
        AnnounceEvent event,
        int numWant,
        boolean compact,
        boolean noPeerId,
        Optional<String> key,
        Optional<String> trackerId) {

    /** {@link #numWant()} when the client did not say: the tracker picks its default. */
    public static final int NUMWANT_DEFAULT = -1;

    /**
     * Validates every field.
     *
     * @throws IllegalArgumentException if a number is out of range
     * @throws NullPointerException if a field is null
     */
    public AnnounceRequest {
        Objects.requireNonNull(infoHash, "infoHash");
        Objects.requireNonNull(peerId, "peerId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(trackerId, "trackerId");
        if (port < 1 || port > 0xffff) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        if (uploaded < 0 || downloaded < 0 || left < 0) {
            throw new IllegalArgumentException("uploaded, downloaded and left must not be negative");
        }
        if (numWant < NUMWANT_DEFAULT) {
            throw new IllegalArgumentException("numwant must be at least 0: " + numWant);
        }
    }

    /**
     * A compact announce (BEP 23) with the tracker's default numwant, no key and no tracker id.
     */
    public static AnnounceRequest of(InfoHash infoHash, PeerId peerId, int port,
                                     long uploaded, long downloaded, long left, AnnounceEvent event) {
        return new AnnounceRequest(infoHash, peerId, port, uploaded, downloaded, left, event,
                NUMWANT_DEFAULT, true, false, Optional.empty(), Optional.empty());
    }

    /** Whether the peer has everything ({@code left=0}). */
    public boolean isSeeder() {
        return left == 0;
    }

    /** A copy with {@code numwant} set. */
    public AnnounceRequest withNumWant(int n) {
        return new AnnounceRequest(infoHash, peerId, port, uploaded, downloaded, left, event, n, compact,
                noPeerId, key, trackerId);
    }

    /** A copy with {@code key} set. */
    public AnnounceRequest withKey(String k) {
        return new AnnounceRequest(infoHash, peerId, port, uploaded, downloaded, left, event, numWant,
                compact, noPeerId, Optional.of(k), trackerId);
    }

    /** A copy with {@code compact} and {@code no_peer_id} set. */
    public AnnounceRequest withPeerListForm(boolean compactPeers, boolean withoutPeerId) {
        return new AnnounceRequest(infoHash, peerId, port, uploaded, downloaded, left, event, numWant,
                compactPeers, withoutPeerId, key, trackerId);
    }

    /** A copy with {@code trackerid} set. */
    public AnnounceRequest withTrackerId(String id) {
        return new AnnounceRequest(infoHash, peerId, port, uploaded, downloaded, left, event, numWant,
                compact, noPeerId, key, Optional.of(id));
    }
}
