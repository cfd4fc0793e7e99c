package org.everseed.seed.peerwire;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.seed.config.SeedProperties;
import org.everseed.seed.session.TorrentRegistry;
import org.everseed.seed.session.UploadSlots;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The everseed's TCP listener (BEP 3 peer wire): one port, {@code everseed.seed.peer-port}, for all
 * torrents, on native epoll where available (else NIO). Each connection gets a connection cap check, idle and keep-alive timers,
 * when {@code encryption} is on the {@link MseHandler} that answers encrypted handshakes (MSE/PE), the frame decoder, the encoder and its own {@link PeerConnectionHandler}. Also rotates the upload slots every
 * {@code unchoke-interval} and the optimistic slot every {@code optimistic-unchoke-interval}. Started
 * with the context, stopped (listener and connections closed) before
 * the beans it uses.
 */
@Component
public class PeerWireServer implements SmartLifecycle {
    /** Phase: started after, and stopped before, the seeding lifecycle that announces our port. */
    public static final int PHASE = Integer.MAX_VALUE - 1000;
    private static final Logger log = LoggerFactory.getLogger(PeerWireServer.class);

    private final SeedProperties properties;
    private final PeerWireContext context;
    private final ConnectionLimiter limiter;
    private final PeerWireEncoder encoder = new PeerWireEncoder();
    private final SecureRandom random = new SecureRandom();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel listener;
    private volatile int port;

    /** Builds the server; it binds in {@link #start()}. */
    public PeerWireServer(SeedProperties properties, TorrentRegistry registry, UploadSlots slots, PeerId localPeerId) {
        this.properties = properties;
        this.context = new PeerWireContext(properties, registry, slots, localPeerId, new AtomicLong(),
                new BlockWriter(properties.blockTransfer()), new HashRequests());
        this.limiter = new ConnectionLimiter(properties.maxConnections(), properties.maxConnectionsPerIp());
    }

    @Override
    public synchronized void start() {
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        boss = new MultiThreadIoEventLoopGroup(1, io);
        workers = new MultiThreadIoEventLoopGroup(io);
        int high = (int) Math.min(Integer.MAX_VALUE, properties.writeBufferHighWaterMark().toBytes());
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 512)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(high / 2, high))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        PeerWireFrameDecoder frames = new PeerWireFrameDecoder();
                        ch.pipeline()
                                .addLast("limits", limiter)
                                .addLast("idle", new IdleStateHandler(properties.idleTimeout().toMillis(),
                                        properties.keepAliveInterval().toMillis(), 0, TimeUnit.MILLISECONDS));
                        if (properties.encryption()) {
                            ch.pipeline().addLast("mse", new MseHandler(context.registry(),
                                    properties.encryptionPreferRc4(), random));
                        }
                        ch.pipeline()
                                .addLast("frames", frames)
                                .addLast("encoder", encoder)
                                .addLast("peer", new PeerConnectionHandler(context, frames));
                    }
                });
        try {
            listener = bootstrap.bind(new InetSocketAddress(properties.peerHost(), properties.peerPort())).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding the peer wire port", e);
        }
        port = ((InetSocketAddress) listener.localAddress()).getPort();
        long rotate = properties.unchokeInterval().toMillis();
        boss.scheduleAtFixedRate(context.slots()::rotate, rotate, rotate, TimeUnit.MILLISECONDS);
        long optimistic = properties.optimisticUnchokeInterval().toMillis();
        if (optimistic > 0) {
            boss.scheduleAtFixedRate(context.slots()::rotateOptimistic, optimistic, optimistic, TimeUnit.MILLISECONDS);
        }
        log.info("everseed peer wire listening on {}:{} ({}, blocks as {}, encryption {})", properties.peerHost(), port,
                epoll ? "epoll" : "nio", properties.blockTransfer(), properties.encryption() ? "accepted" : "off");
    }

    @Override
    public synchronized void stop() {
        if (listener == null) {
            return;
        }
        listener.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        listener = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return listener != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** The bound TCP port (the configured one, or the picked one when configured as 0); 0 before start. */
    public int port() {
        return port;
    }

    /** Open peer connections now. */
    public int openConnections() {
        return limiter.openConnections();
    }

    /** Bytes of blocks written to peers since start. */
    public long uploadedBytes() {
        return context.uploadedBytes().get();
    }
}
