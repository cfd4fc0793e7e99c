package org.everseed.seed.peerwire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.ByteBuffer;
import java.util.List;
import org.everseed.bittorrent.peer.Handshake;
import org.everseed.bittorrent.peer.HandshakeCodec;
import org.everseed.bittorrent.peer.PeerMessage;
import org.everseed.bittorrent.peer.PeerMessageDecoder;

/**
 * Frames a peer connection with the protocol's incremental codecs: first one {@link Handshake}
 * (BEP 3), then {@link PeerMessage}s once {@link #expectMessages} names the torrent's decoder (the
 * connection handler does so while handling the handshake). Malformed input and over-long length
 * prefixes surface as a {@code DecoderException} whose cause is the protocol's
 * {@code PeerWireException}; the handler then closes the connection. Never consumes a partial frame.
 */
final class PeerWireFrameDecoder extends ByteToMessageDecoder {
    private boolean handshakeDone;
    private PeerMessageDecoder messages;

    /** From now on, decode messages of the torrent chosen by the handshake. */
    void expectMessages(PeerMessageDecoder decoder) {
        this.messages = decoder;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        ByteBuffer view = in.nioBuffer(in.readerIndex(), in.readableBytes());
        if (!handshakeDone) {
            Handshake handshake = HandshakeCodec.decode(view);
            if (handshake != null) {
                handshakeDone = true;
                in.skipBytes(view.position());
                out.add(handshake);
            }
            return;
        }
        if (messages == null) {
            // The handshake was refused and the connection is closing: drop whatever else came.
            in.skipBytes(in.readableBytes());
            return;
        }
        PeerMessage message = messages.decode(view);
        if (message != null) {
            in.skipBytes(view.position());
            out.add(message);
        }
    }
}
