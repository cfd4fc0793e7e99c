package org.everseed.bittorrent.peer;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;

/**
 * The BEP 3 handshake: {@code <pstrlen=19><"BitTorrent protocol"><8 reserved bytes><info_hash><peer_id>},
 * 68 bytes. The reserved bytes announce extensions (BEP 5, 6, 10, 52).
 *
 * @param reserved the reserved bytes
 * @param infoHash the torrent the peer wants (the truncated v2 info_hash for v2 swarms, BEP 52)
 * @param peerId the sender's peer_id
 */
public record Handshake(ReservedBits reserved, InfoHash infoHash, PeerId peerId) {
    /** The protocol string, {@code "BitTorrent protocol"}, as ASCII bytes. */
    static final byte[] PROTOCOL = "BitTorrent protocol".getBytes(StandardCharsets.US_ASCII);
    /** Length of the whole handshake in bytes: 1 + 19 + 8 + 20 + 20. */
    public static final int LENGTH = 1 + 19 + ReservedBits.LENGTH + InfoHash.LENGTH + PeerId.LENGTH;
    /** Offset of the reserved bytes. */
    public static final int RESERVED_OFFSET = 20;
    /** Offset of the info_hash. */
    public static final int INFO_HASH_OFFSET = RESERVED_OFFSET + ReservedBits.LENGTH;
    /** Offset of the peer_id. */
    public static final int PEER_ID_OFFSET = INFO_HASH_OFFSET + InfoHash.LENGTH;

    /** Checks that no part is null. */
    public Handshake {
        Objects.requireNonNull(reserved, "reserved");
        Objects.requireNonNull(infoHash, "infoHash");
        Objects.requireNonNull(peerId, "peerId");
    }
}
