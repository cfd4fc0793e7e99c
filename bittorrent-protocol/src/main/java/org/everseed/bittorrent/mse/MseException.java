package org.everseed.bittorrent.mse;

import org.everseed.bittorrent.peer.PeerWireException;

/**
 * Thrown when an encrypted handshake (MSE/PE) cannot go on: no synchronisation marker within the allowed padding,
 * an unknown torrent, a wrong verification constant, an over-long padding or no crypto method both sides allow.
 * The offset counts from the first byte the initiator sent. The connection is to be closed.
 */
public class MseException extends PeerWireException {
    /**
     * @param reason what is wrong, in words
     * @param offset offset of the offending byte from the start of the initiator's stream
     */
    public MseException(String reason, long offset) {
        super(reason, offset);
    }
}
