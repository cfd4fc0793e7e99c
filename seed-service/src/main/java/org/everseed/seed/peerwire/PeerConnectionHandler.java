package org.everseed.seed.peerwire;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.timeout.IdleState;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.peer.Bitfield;
import org.everseed.bittorrent.peer.Extension;
import org.everseed.bittorrent.peer.Handshake;
import org.everseed.bittorrent.peer.PeerMessage;
import org.everseed.bittorrent.peer.PeerMessage.BitfieldMessage;
import org.everseed.bittorrent.peer.PeerMessage.Cancel;
import org.everseed.bittorrent.peer.PeerMessage.Choke;
import org.everseed.bittorrent.peer.PeerMessage.Extended;
import org.everseed.bittorrent.peer.PeerMessage.HashReject;
import org.everseed.bittorrent.peer.PeerMessage.HashRequest;
import org.everseed.bittorrent.peer.PeerMessage.HaveAll;
import org.everseed.bittorrent.peer.PeerMessage.Interested;
import org.everseed.bittorrent.peer.PeerMessage.KeepAlive;
import org.everseed.bittorrent.peer.PeerMessage.NotInterested;
import org.everseed.bittorrent.peer.PeerMessage.RejectRequest;
import org.everseed.bittorrent.peer.PeerMessage.Request;
import org.everseed.bittorrent.peer.PeerMessage.Unchoke;
import org.everseed.bittorrent.peer.PeerMessageDecoder;
import org.everseed.bittorrent.peer.ReservedBits;
import org.everseed.seed.session.SeededTorrent;
import org.everseed.seed.session.SlotHolder;
import org.everseed.seed.storage.OpenContent;
import org.everseed.seed.storage.TorrentData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One peer connection of a seeder (BEP 3): answers the handshake for a served info_hash (any other
 * closes the connection), sends the bitfield (or {@code have all} to BEP 6 peers) and, to BEP 10 peers,
 * an extended handshake offering {@code ut_metadata} (BEP 9); takes an upload slot when the peer is interested, and
 * serves requested blocks of verified pieces ({@link BlockWriter}), only while the channel is
 * writable, flushing once per batch of messages read, so a slow reader costs at most the channel's write buffer. Closes the connection on a
 * protocol error, a request outside a piece, for a piece that does not match its hash or above the
 * block limit, more queued requests than allowed, a missed handshake deadline, or idleness. To BEP 6 peers, requests that will not be
 * served (choked, cancelled, dropped by a choke) are answered with {@code reject request}. Runs on
 * its channel's event loop only.
 */
final class PeerConnectionHandler extends ChannelInboundHandlerAdapter implements SlotHolder {
    private static final Logger log = LoggerFactory.getLogger(PeerConnectionHandler.class);
    /** We speak the fast extension (BEP 6) and the extension protocol (BEP 10). */
    static final ReservedBits OUR_RESERVED = ReservedBits.with(Extension.FAST, Extension.EXTENSION_PROTOCOL);
    /** For v2 and hybrid torrents, also the BEP 52 bit: we answer hash requests. */
    static final ReservedBits OUR_RESERVED_V2 = ReservedBits.with(Extension.FAST, Extension.EXTENSION_PROTOCOL,
            Extension.V2_UPGRADE);

    private final PeerWireContext context;
    private final PeerWireFrameDecoder frames;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> handshakeDeadline;
    private SeededTorrent torrent;
    private boolean choking = true;
    private boolean interested;
    private boolean fast;
    private ExtensionSession extensions;
    private OpenContent content;
    /** Whether a block-layer hash request is being answered (BEP 52). */
    private boolean readingHashes;
    /** Pieces of queued requests being hashed now (at most {@code max-queued-requests} of them). */
    private final Set<Integer> verifying = new HashSet<>();
    /** Inside a read batch: writes are flushed once, in {@link #channelReadComplete}. */
    private boolean reading;
    private boolean flushPending;

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
        reading = true;
        switch (msg) {
            case Handshake handshake -> onHandshake(handshake);
            case PeerMessage message -> onMessage(message);
            default -> ctx.fireChannelRead(msg);
        }
    }

    /** Flushes what the batch of messages just read made us write: one gathering write for many blocks. */
    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        if (flushPending) {
            flushPending = false;
            ctx.flush();
        }
        ctx.fireChannelReadComplete();
    }

    /** Writes {@code message}; flushed now, or at the end of the read batch when inside one. */
    private void send(Object message) {
        ctx.write(message, ctx.voidPromise());
        flushSoon();
    }

    private void flushSoon() {
        if (reading) {
            flushPending = true;
        } else {
            ctx.flush();
        }
    }

    private void onHandshake(Handshake handshake) {
        InfoHash encryptedFor = ctx.channel().attr(MseHandler.SKEY).get();
        if (encryptedFor != null && !encryptedFor.equals(handshake.infoHash())) {
            close("the handshake names another torrent than its encrypted handshake (MSE) did");
            return;
        }
        SeededTorrent found = context.registry().find(handshake.infoHash()).orElse(null);
        if (found == null) {
            close("unknown info_hash " + handshake.infoHash());
            return;
        }
        TorrentData data = found.data();
        content = data.open(); // files are opened (short blocking opens of local files) as blocks are read
        torrent = found;
        handshakeDeadline.cancel(false);
        frames.expectMessages(new PeerMessageDecoder(data.pieceCount(),
                Math.max((int) context.properties().maxMessageLength().toBytes(), 13 + (data.pieceCount() + 7) / 8)));
        fast = handshake.reserved().supports(Extension.FAST);
        // the info_hash the peer named: the v1 one, or a hybrid's truncated v2 one (BEP 52)
        ctx.write(new Handshake(found.metainfo().format().hasV2() ? OUR_RESERVED_V2 : OUR_RESERVED, handshake.infoHash(),
                context.localPeerId()));
        if (fast) {
            ctx.write(new HaveAll());                      // BEP 6
        } else {
            ctx.write(new BitfieldMessage(Bitfield.full(data.pieceCount())));
        }
        if (handshake.reserved().supports(Extension.EXTENSION_PROTOCOL)) {
            extensions = new ExtensionSession(torrent.metainfo().infoBytes());
            ctx.write(extensions.handshake(context.properties().maxQueuedRequests()));     // BEP 10
        }
        flushSoon();
    }

    private void onMessage(PeerMessage message) {
        if (torrent == null || !context.registry().contains(torrent.infoHash())) {
            close("the torrent is no longer served");
            return;
        }
        switch (message) {
            case Interested i -> {
                interested = true;
                if (context.properties().verifyAhead()) {
                    torrent.data().verifyAhead();                // a downloader soon asks for every piece
                }
                context.slots().interested(this);
            }
            case NotInterested n -> {
                interested = false;
                context.slots().release(this);
                doChoke();
            }
            case Request request -> onRequest(request);
            case Cancel cancel -> {
                Request request = new Request(cancel.index(), cancel.begin(), cancel.length());
                if (queue.remove(request) && fast) {
                    send(reject(request));                       // BEP 6: a cancel is answered
                }
            }
            case HashRequest request -> onHashRequest(request);                                // BEP 52
            case Extended extended -> {
                if (extensions != null) {
                    extensions.onMessage(extended).ifPresent(this::send);
                }
            }
            default -> {
                // keep-alive, have, bitfield, port and the rest change nothing for a seeder
            }
        }
    }

    /**
     * Answers a BEP 52 hash request; block-layer ones read the file on the verification pool, one at a time per
     * connection (a second while one runs is rejected), so a peer cannot make us read more than one run at once.
     */
    private void onHashRequest(HashRequest request) {
        if (readingHashes) {
            send(new HashReject(request.piecesRoot(), request.baseLayer(), request.index(), request.length(),
                    request.proofLayers()));
            return;
        }
        CompletableFuture<PeerMessage> answer = context.hashes().answer(torrent.data(), request);
        if (answer.isDone()) {
            send(answer.join());
            return;
        }
        readingHashes = true;
        answer.thenAccept(message -> ctx.executor().execute(() -> {
            readingHashes = false;
            if (ctx.channel().isActive()) {
                send(message);
            }
        }));
    }

    private void onRequest(Request request) {
        TorrentData data = torrent.data();
        if (request.length() > context.properties().maxBlockLength().toBytes()
                || !data.isInsidePiece(request.index(), request.begin(), request.length())) {
            close("bad request " + request);
            return;
        }
        if (choking) {
            if (fast) {
                send(reject(request));                           // BEP 6
            }
            return; // BEP 3: requests sent while choked are dropped
        }
        if (queue.size() >= context.properties().maxQueuedRequests()) {
            close("more than " + context.properties().maxQueuedRequests() + " queued requests");
            return;
        }
        queue.add(request);
        serve();
    }

    /**
     * Writes queued blocks while unchoked and writable, in request order among verified pieces: a block of a piece
     * not verified yet stays queued while its piece is hashed on the verification pool (cached, so once per piece;
     * the queue's other unverified pieces are hashed meanwhile, in parallel), and later blocks of verified pieces go
     * out before it (BEP 3 does not order answers). Serving resumes on this event loop when a hashing ends; a piece
     * that does not match is never sent and the connection is closed.
     */
    private void serve() {
        if (!context.registry().contains(torrent.infoHash())) {
            close("the torrent is no longer served");
            return;
        }
        TorrentData data = torrent.data();
        long uploaded = 0;
        Iterator<Request> queued = queue.iterator();
        while (!choking && queued.hasNext() && ctx.channel().isWritable()) {
            Request r = queued.next();
            if (!data.isVerified(r.index())) {
                awaitVerification(data, r.index());
                continue;
            }
            queued.remove();
            try {
                context.blocks().write(ctx, content, r.index(), r.begin(), r.length());
            } catch (IOException e) {
                close("block " + r + " cannot be read: " + e.getMessage());
                return;
            }
            uploaded += r.length();
        }
        if (uploaded > 0) {
            context.uploaded(uploaded);
            torrent.uploaded().addAndGet(uploaded);
            flushSoon();
        }
    }

    private void awaitVerification(TorrentData data, int index) {
        if (!verifying.add(index)) {
            return;
        }
        data.verify(index).thenAccept(ok -> ctx.executor().execute(() -> {
            verifying.remove(index);
            if (!ctx.channel().isActive()) {
                return;
            }
            if (ok) {
                serve();
            } else {
                close("piece " + index + " does not match its hash: never sent");
            }
        }));
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
                send(new Unchoke());
            }
        });
    }

    @Override
    public void choke() {
        ctx.executor().execute(this::doChoke);
    }

    private void doChoke() {
        if (fast) {
            queue.forEach(r -> ctx.write(reject(r), ctx.voidPromise())); // BEP 6: choke rejects nothing implicitly
        }
        boolean rejected = fast && !queue.isEmpty();
        queue.clear();
        if (!choking && ctx.channel().isActive()) {
            choking = true;
            send(new Choke());
        } else if (rejected) {
            flushSoon();
        }
    }

    private static RejectRequest reject(Request r) {
        return new RejectRequest(r.index(), r.begin(), r.length());
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent idle) {
            if (idle.state() == IdleState.READER_IDLE) {
                close("idle");
            } else if (idle.state() == IdleState.WRITER_IDLE && torrent != null) {
                send(new KeepAlive());
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
        if (content != null) {
            content.close();
        }
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
