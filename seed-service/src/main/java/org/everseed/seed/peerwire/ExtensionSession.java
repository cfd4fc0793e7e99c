package org.everseed.seed.peerwire;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.everseed.bittorrent.peer.ExtendedHandshake;
import org.everseed.bittorrent.peer.MetadataMessage;
import org.everseed.bittorrent.peer.PeerMessage.Extended;
import org.everseed.bittorrent.peer.PeerWireException;

/**
 * The extension protocol side of one connection (BEP 10): our extended handshake offering
 * {@code ut_metadata} (BEP 9) with the torrent's info dictionary size, the peer's handshake (which
 * says under which id it wants {@code ut_metadata} messages), and answers to metadata requests, so
 * that a client holding only a magnet link gets the info dictionary from the everseed. Not
 * thread-safe: used on its connection's event loop.
 */
final class ExtensionSession {
    /** The id under which we receive {@code ut_metadata} messages. */
    static final int LOCAL_UT_METADATA_ID = 1;
    /** Our client name in the extended handshake ({@code v}). */
    static final String CLIENT = "Everseed 0.1";

    private final byte[] infoBytes;
    private int peerMetadataId;

    /** @param infoBytes the exact info dictionary bytes of the torrent (their SHA-1 is its info_hash) */
    ExtensionSession(byte[] infoBytes) {
        this.infoBytes = infoBytes;
    }

    /** Our extended handshake: {@code m = {ut_metadata: 1}}, {@code metadata_size}, {@code reqq}, {@code v}. */
    Extended handshake(int requestQueue) {
        return new Extended(ExtendedHandshake.ID, new ExtendedHandshake(
                Map.of(MetadataMessage.EXTENSION_NAME, LOCAL_UT_METADATA_ID), OptionalInt.of(infoBytes.length),
                Optional.of(CLIENT), OptionalInt.of(requestQueue)).encode());
    }

    /**
     * Handles an extended message from the peer.
     *
     * @return the reply to send, if any
     * @throws PeerWireException if a {@code ut_metadata} message is malformed (the caller closes)
     */
    Optional<Extended> onMessage(Extended message) {
        if (message.extendedId() == ExtendedHandshake.ID) {
            try {
                peerMetadataId = ExtendedHandshake.decode(message.payload()).idOf(MetadataMessage.EXTENSION_NAME).orElse(0);
            } catch (PeerWireException e) {
                peerMetadataId = 0; // a handshake we cannot read disables the extensions, not the connection
            }
            return Optional.empty();
        }
        if (message.extendedId() != LOCAL_UT_METADATA_ID) {
            return Optional.empty();
        }
        if (!(MetadataMessage.decode(message.payload()) instanceof MetadataMessage.Request request) || peerMetadataId == 0) {
            return Optional.empty();
        }
        MetadataMessage reply = request.piece() < MetadataMessage.pieceCount(infoBytes.length)
                ? MetadataMessage.slice(infoBytes, request.piece())
                : new MetadataMessage.Reject(request.piece());
        return Optional.of(new Extended(peerMetadataId, reply.encode()));
    }
}
