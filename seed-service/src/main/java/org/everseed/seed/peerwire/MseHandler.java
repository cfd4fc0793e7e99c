package org.everseed.seed.peerwire;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.AttributeKey;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.List;
import java.util.Set;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.mse.CryptoMethod;
import org.everseed.bittorrent.mse.MseResponder;
import org.everseed.bittorrent.mse.Rc4;
import org.everseed.seed.session.TorrentRegistry;

/**
 * The first inbound handler of a peer connection when encryption is on: tells a plain BitTorrent handshake from
 * a Message Stream Encryption one (MSE/PE, the Vuze specification) by the first 20 bytes. A plain stream passes
 * on untouched (this handler leaves the pipeline). An encrypted one is answered as the receiving side with
 * {@link MseResponder}; the initiator's initial payload and what follows then go on to the frame decoder, deciphered
 * when the payload method is RC4, and an {@link Rc4Encoder} is put before the socket to encipher what we send. A
 * broken encrypted handshake surfaces as a {@code DecoderException} whose cause is an {@code MseException}: the
 * connection handler closes the connection. Runs on the connection's event loop.
 */
final class MseHandler extends ByteToMessageDecoder {
    /** The info_hash an encrypted handshake named (SKEY); the plain handshake inside must name the same. */
    static final AttributeKey<InfoHash> SKEY = AttributeKey.valueOf("everseed.mse.skey");
    /** Present when the payload is RC4-enciphered: blocks must then leave as buffers, not file regions. */
    static final AttributeKey<Boolean> RC4_PAYLOAD = AttributeKey.valueOf("everseed.mse.rc4");
    private static final Set<CryptoMethod> ALLOWED = Set.of(CryptoMethod.PLAINTEXT, CryptoMethod.RC4);

    private final TorrentRegistry registry;
    private final boolean preferRc4;
    private final SecureRandom random;
    private MseResponder responder;
    private Rc4 incoming;

    MseHandler(TorrentRegistry registry, boolean preferRc4, SecureRandom random) {
        this.registry = registry;
        this.preferRc4 = preferRc4;
        this.random = random;
    }

    /** Whether the channel's payload is RC4-enciphered (so a file region cannot be sent as it is). */
    static boolean enciphers(Channel channel) {
        return channel.hasAttr(RC4_PAYLOAD);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (incoming != null) {
            out.add(decipher(in));
            return;
        }
        if (responder == null) {
            Boolean plain = MseResponder.isPlainHandshake(in.nioBuffer(in.readerIndex(), in.readableBytes()));
            if (plain == null) {
                return;
            }
            if (plain) {
                ctx.pipeline().remove(this);                 // the cumulated bytes go on to the frame decoder
                return;
            }
            responder = new MseResponder(req2 -> registry.findByReq2(req2).map(InfoHash::bytes).orElse(null),
                    ALLOWED, preferRc4, random);
        }
        ByteBuffer view = in.nioBuffer(in.readerIndex(), in.readableBytes());
        byte[] reply = responder.receive(view);
        in.skipBytes(view.position());
        if (reply.length > 0) {
            ctx.writeAndFlush(Unpooled.wrappedBuffer(reply), ctx.voidPromise());
        }
        if (!responder.done()) {
            return;
        }
        Channel channel = ctx.channel();
        channel.attr(SKEY).set(InfoHash.of(responder.skey()));
        byte[] initialPayload = responder.initialPayload();
        if (initialPayload.length > 0) {
            out.add(Unpooled.wrappedBuffer(initialPayload));
        }
        if (responder.method() == CryptoMethod.RC4) {
            channel.attr(RC4_PAYLOAD).set(Boolean.TRUE);
            // written after our handshake reply, which the responder enciphered itself, so nothing is enciphered twice
            ctx.pipeline().addFirst("mse-out", new Rc4Encoder(responder.outgoing()));
            incoming = responder.incoming();
            if (in.isReadable()) {
                out.add(decipher(in));
            }
        } else {
            ctx.pipeline().remove(this);                     // plaintext from here on
        }
        responder = null;
    }

    /** Deciphers all of {@code in}: in place when it is one memory region, else into a new buffer. */
    private ByteBuf decipher(ByteBuf in) {
        int n = in.readableBytes();
        if (in.nioBufferCount() == 1) {
            ByteBuf chunk = in.readRetainedSlice(n);
            ByteBuffer bytes = chunk.nioBuffer(chunk.readerIndex(), n);
            incoming.apply(bytes.duplicate(), bytes);
            return chunk;
        }
        ByteBuf copy = in.alloc().directBuffer(n);
        incoming.apply(in.nioBuffer(in.readerIndex(), n), copy.nioBuffer(0, n));
        copy.writerIndex(n);
        in.skipBytes(n);
        return copy;
    }
}
