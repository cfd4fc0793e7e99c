package org.everseed.seed.peerwire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.ByteBuffer;
import org.everseed.bittorrent.peer.Handshake;
import org.everseed.bittorrent.peer.HandshakeCodec;
import org.everseed.bittorrent.peer.PeerMessage;
import org.everseed.bittorrent.peer.PeerMessageEncoder;

/**
 * Writes {@link Handshake}s and {@link PeerMessage}s with the protocol's encoders (BEP 3). Piece
 * blocks do not pass here: the handler writes their header and a file region itself.
 */
@Sharable
final class PeerWireEncoder extends MessageToByteEncoder<Object> {

    @Override
    public boolean acceptOutboundMessage(Object msg) {
        return msg instanceof Handshake || msg instanceof PeerMessage;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Object msg, ByteBuf out) {
        int length = msg instanceof Handshake ? Handshake.LENGTH : PeerMessageEncoder.encodedLength((PeerMessage) msg);
        out.ensureWritable(length);
        ByteBuffer target = out.nioBuffer(out.writerIndex(), length);
        if (msg instanceof Handshake handshake) {
            HandshakeCodec.encode(handshake, target);
        } else {
            PeerMessageEncoder.encode((PeerMessage) msg, target);
        }
        out.writerIndex(out.writerIndex() + length);
    }
}
