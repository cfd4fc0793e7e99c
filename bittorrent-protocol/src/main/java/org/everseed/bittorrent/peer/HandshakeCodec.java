package org.everseed.bittorrent.peer;

import java.nio.ByteBuffer;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;

/**
 * Incremental codec of the 68-byte BEP 3 handshake. Stateless and thread-safe.
 *
 * <p>The decoder checks the protocol prefix as soon as its bytes arrive, so garbage is rejected after
 * its first wrong byte instead of after 68 bytes.
 */
public final class HandshakeCodec {
    private HandshakeCodec() {
    }

    /**
     * Decodes a handshake from {@code in}'s remaining bytes. On success consumes exactly
     * {@link Handshake#LENGTH} bytes; when fewer are there (and those are a valid prefix) consumes
     * nothing and returns {@code null}.
     *
     * @throws PeerWireException if pstrlen is not 19 (offset 0) or the protocol string differs
     *     (offset of the first wrong byte); nothing is consumed
     */
    public static Handshake decode(ByteBuffer in) {
        int start = in.position();
        int available = in.remaining();
        if (available >= 1 && in.get(start) != Handshake.PROTOCOL.length) {
            throw new PeerWireException("pstrlen must be 19, got " + (in.get(start) & 0xff), 0);
        }
        int checkable = Math.min(available, 1 + Handshake.PROTOCOL.length);
        for (int i = 1; i < checkable; i++) {
            if (in.get(start + i) != Handshake.PROTOCOL[i - 1]) {
                throw new PeerWireException("protocol string is not \"BitTorrent protocol\"", i);
            }
        }
        if (available < Handshake.LENGTH) {
            return null;
        }
        byte[] reserved = new byte[ReservedBits.LENGTH];
        byte[] infoHash = new byte[InfoHash.LENGTH];
        byte[] peerId = new byte[PeerId.LENGTH];
        in.get(start + Handshake.RESERVED_OFFSET, reserved);
        in.get(start + Handshake.INFO_HASH_OFFSET, infoHash);
        in.get(start + Handshake.PEER_ID_OFFSET, peerId);
        in.position(start + Handshake.LENGTH);
        return new Handshake(ReservedBits.of(reserved), InfoHash.of(infoHash), PeerId.of(peerId));
    }

    /**
     * Writes {@code handshake} at {@code out}'s position.
     *
     * @throws java.nio.BufferOverflowException if fewer than 68 bytes remain
     */
    public static void encode(Handshake handshake, ByteBuffer out) {
        out.put((byte) Handshake.PROTOCOL.length)
                .put(Handshake.PROTOCOL)
                .put(handshake.reserved().bytes())
                .put(handshake.infoHash().bytes())
                .put(handshake.peerId().bytes());
    }

    /** The 68 bytes of {@code handshake}. */
    public static byte[] encode(Handshake handshake) {
        ByteBuffer out = ByteBuffer.allocate(Handshake.LENGTH);
        encode(handshake, out);
        return out.array();
    }
}
