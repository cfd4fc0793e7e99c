package org.everseed.seed.peerwire;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.everseed.bittorrent.peer.Handshake;
import org.everseed.bittorrent.peer.PeerMessage;
import org.everseed.bittorrent.peer.PeerMessage.BitfieldMessage;
import org.everseed.bittorrent.peer.PeerMessage.Cancel;
import org.everseed.bittorrent.peer.PeerMessage.Choke;
import org.everseed.bittorrent.peer.PeerMessage.Interested;
import org.everseed.bittorrent.peer.PeerMessage.KeepAlive;
import org.everseed.bittorrent.peer.PeerMessage.NotInterested;
import org.everseed.bittorrent.peer.PeerMessage.Request;
import org.everseed.bittorrent.peer.PeerMessage.Unchoke;
import org.everseed.bittorrent.peer.PeerMessageDecoder;
import org.everseed.bittorrent.peer.PeerMessageEncoder;
import org.everseed.bittorrent.peer.ReservedBits;
import org.everseed.seed.session.SeededTorrent;
import org.everseed.seed.session.SlotHolder;
import org.everseed.seed.storage.TorrentData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer connection of a seeder (BEP 3): answers the handshake for a served info_hash (any other
 * closes the connection), sends the bitfield, takes an upload slot when the peer is interested, and
 * serves requested blocks of verified pieces as zero-copy file regions, only while the channel is
 * writable, so a slow reader costs at most the channel's write buffer. Closes the connection on a
 * protocol error, a request outside a verified piece or above the block limit, more queued requests
 * than allowed, a missed handshake deadline, or idleness. Runs on its channel's event loop only.
 */
final class PeerConnectionHandler extends ChannelInboundHandlerAdapter implements SlotHolder {
    private static final Logger log = LoggerFactory.getLogger(PeerConnectionHandler.class);

    private final PeerWireContext context;
    private final PeerWireFrameDecoder frames;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> handshakeDeadline;
    private SeededTorrent torrent;
    private boolean choking = true;
    private boolean interested;

    PeerConnectionHandler(PeerWireContext context, PeerWireFrameDecoder frames) {
        this.context = context;
        this.frames = frames;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        this.ctx = ctx;
        long timeout = context.properties().handshakeTimeout().toMillis();
        handshakeDeadline = ctx.executor().schedule(() -> close("no handshake in time"), timeout, TimeUnit.MILLISECONDS);
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        switch (msg) {
            case Handshake handshake -> onHandshake(handshake);
            case PeerMessage message -> onMessage(message);
            default -> ctx.fireChannelRead(msg);
        }
    }

    private void onHandshake(Handshake handshake) {
        SeededTorrent found = context.registry().find(handshake.infoHash()).orElse(null);
        if (found == null) {
            close("unknown info_hash " + handshake.infoHash());
            return;
        }
        torrent = found;
        handshakeDeadline.cancel(false);
        TorrentData data = torrent.data();
        frames.expectMessages(new PeerMessageDecoder(data.pieceCount(),
                Math.max((int) context.properties().maxMessageLength().toBytes(), 13 + (data.pieceCount() + 7) / 8)));
        ctx.write(new Handshake(ReservedBits.NONE, torrent.infoHash(), context.localPeerId()));
        ctx.writeAndFlush(new BitfieldMessage(data.verifiedPieces()));
    }

    private void onMessage(PeerMessage message) {
        if (torrent == null || !context.registry().contains(torrent.infoHash())) {
            close("the torrent is no longer served");
            return;
        }
        switch (message) {
            case Interested i -> {
                interested = true;
                context.slots().interested(this);
            }
            case NotInterested n -> {
                interested = false;
                context.slots().release(this);
                doChoke();
            }
            case Request request -> onRequest(request);
            case Cancel cancel -> queue.remove(new Request(cancel.index(), cancel.begin(), cancel.length()));
            default -> {
                // keep-alive, have, bitfield, port and the rest change nothing for a seeder
            }
        }
    }

    private void onRequest(Request request) {
        TorrentData data = torrent.data();
        if (request.length() > context.properties().maxBlockLength().toBytes()
                || !data.isInsidePiece(request.index(), request.begin(), request.length())
                || !data.isVerified(request.index())) {
            close("bad request " + request);
            return;
        }
        if (choking) {
            return; // BEP 3: requests sent while choked are dropped
        }
        if (queue.size() >= context.properties().maxQueuedRequests()) {
            close("more than " + context.properties().maxQueuedRequests() + " queued requests");
            return;
        }
        queue.add(request);
        serve();
    }

    private void serve() {
        TorrentData data = torrent.data();
        boolean wrote = false;
        while (!choking && !queue.isEmpty() && ctx.channel().isWritable()) {
            Request r = queue.poll();
            ByteBuffer header = ByteBuffer.allocate(PeerMessageEncoder.PIECE_HEADER_LENGTH);
            PeerMessageEncoder.writePieceHeader(r.index(), r.begin(), r.length(), header);
            ctx.write(Unpooled.wrappedBuffer(header.array()));
            ctx.write(new SharedFileRegion(data.channel(), data.fileOffset(r.index(), r.begin()), r.length()))
                    .addListener(f -> {
                        if (f.isSuccess()) {
                            context.uploaded(r.length());
                        }
                    });
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (torrent != null && ctx.channel().isWritable()) {
            serve();
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void unchoke() {
        ctx.executor().execute(() -> {
            if (ctx.channel().isActive() && choking && interested) {
                choking = false;
                ctx.writeAndFlush(new Unchoke());
            }
        });
    }

    @Override
    public void choke() {
        ctx.executor().execute(this::doChoke);
    }

    private void doChoke() {
        queue.clear();
        if (!choking && ctx.channel().isActive()) {
            choking = true;
            ctx.writeAndFlush(new Choke());
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.READER_IDLE) {
                close("idle");
            } else if (idle.state() == IdleState.WRITER_IDLE && torrent != null) {
                ctx.writeAndFlush(new KeepAlive());
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (handshakeDeadline != null) {
            handshakeDeadline.cancel(false);
        }
        queue.clear();
        context.slots().release(this);
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        close(cause.getCause() != null ? cause.getCause().getMessage() : String.valueOf(cause.getMessage()));
    }

    private void close(String why) {
        log.debug("closing peer {}: {}", ctx.channel().remoteAddress(), why);
        ctx.close();
    }
}
