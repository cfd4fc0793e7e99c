package org.everseed.seed.peerwire;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import org.everseed.bittorrent.mse.Rc4;

/**
 * Enciphers everything written to an MSE connection whose payload method is RC4, in write order, into fresh
 * direct buffers (what was written may be shared or read-only). Only buffers are accepted: {@link BlockWriter}
 * sends no file regions on such a connection, and anything else fails the write. Runs on the connection's event
 * loop, nearest the socket.
 */
final class Rc4Encoder extends ChannelOutboundHandlerAdapter {
    private final Rc4 outgoing;

    Rc4Encoder(Rc4 outgoing) {
        this.outgoing = outgoing;
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (!(msg instanceof ByteBuf plain)) {
            io.netty.util.ReferenceCountUtil.release(msg);
            promise.setFailure(new IllegalStateException("cannot encipher " + msg.getClass().getSimpleName()));
            return;
        }
        int n = plain.readableBytes();
        ByteBuf enciphered = ctx.alloc().directBuffer(n);
        try {
            outgoing.apply(plain.nioBuffer(plain.readerIndex(), n), enciphered.nioBuffer(0, n));
            enciphered.writerIndex(n);
        } catch (RuntimeException e) {
            enciphered.release();
            throw e;
        } finally {
            plain.release();
        }
        ctx.write(enciphered, promise);
    }
}
