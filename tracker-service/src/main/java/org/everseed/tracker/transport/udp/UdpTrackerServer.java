package org.everseed.tracker.transport.udp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.everseed.bittorrent.tracker.udp.UdpTrackerProtocol;
import org.everseed.tracker.config.TrackerProperties;
import org.everseed.tracker.swarm.PeerSelection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The UDP tracker (BEP 15) on {@code everseed.tracker.udp-port}, every address, IPv4 and IPv6. On Linux
 * it binds one epoll socket per event loop thread with {@code SO_REUSEPORT}, so the kernel spreads
 * packets over the cores; elsewhere one NIO socket. Each datagram is handed to
 * {@link UdpTrackerExchange}; its answer, if any, goes back to the source. Starts with the context,
 * after the swarms are loaded, and stops before it closes.
 */
@Component
public class UdpTrackerServer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(UdpTrackerServer.class);
    /** Longest wait for the sockets to close on stop. */
    private static final long STOP_TIMEOUT_SECONDS = 5;
    /** Bytes received per datagram: one more than BEP 15 packets may have, so longer ones are seen as such. */
    private static final int DATAGRAM_SLICE = UdpTrackerProtocol.MAX_PACKET_LENGTH + 1;
    /** Datagrams received per system call at most (recvmmsg). */
    private static final int RECEIVE_BATCH = 32;
    private final UdpTrackerExchange exchange;
    private final int configuredPort;
    private final List<Channel> channels = new ArrayList<>();
    private EventLoopGroup group;
    private volatile int port = -1;

    /** Wires the server. */
    public UdpTrackerServer(UdpTrackerExchange exchange, TrackerProperties properties) {
        this.exchange = exchange;
        this.configuredPort = properties.udpPort();
    }

    @Override
    public synchronized void start() {
        boolean epoll = Epoll.isAvailable();
        int threads = epoll ? Runtime.getRuntime().availableProcessors() : 1;
        group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("tracker-udp", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        Bootstrap bootstrap = new Bootstrap().group(group)
                .channel(epoll ? EpollDatagramChannel.class : NioDatagramChannel.class)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        channel.pipeline().addLast(new DatagramHandler(exchange));
                    }
                });
        if (epoll) {
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        bootstrap.option(ChannelOption.SO_RCVBUF, 4 << 20).option(ChannelOption.SO_SNDBUF, 4 << 20);
        if (epoll) {
            // recvmmsg: up to RECEIVE_BATCH datagrams per system call, each in its own slice
            bootstrap.option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, DATAGRAM_SLICE)
                    .option(ChannelOption.RCVBUF_ALLOCATOR,
                            new FixedRecvByteBufAllocator(DATAGRAM_SLICE * RECEIVE_BATCH));
        }
        int bindPort = configuredPort;
        for (int i = 0; i < threads; i++) {
            Channel channel = bootstrap.bind(new InetSocketAddress(bindPort)).syncUninterruptibly().channel();
            channels.add(channel);
            bindPort = ((InetSocketAddress) channel.localAddress()).getPort();
        }
        port = bindPort;
        log.info("UDP tracker (BEP 15) on port {} ({} x {})", port, threads, epoll ? "epoll" : "nio");
    }

    @Override
    public synchronized void stop() {
        for (Channel c : channels) {
            c.close().awaitUninterruptibly(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        channels.clear();
        if (group != null) {
            group.shutdownGracefully(0, STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS).awaitUninterruptibly();
            group = null;
        }
        port = -1;
    }

    @Override
    public synchronized boolean isRunning() {
        return !channels.isEmpty();
    }

    /** The bound UDP port, or -1 while stopped. */
    public int port() {
        return port;
    }

    /**
     * One per socket (so per event loop thread): copies each datagram into its own buffer, lets the
     * exchange write the answer into another, and queues it; the queued answers go out together when
     * the read batch ends (sendmmsg on epoll). Nothing is allocated per packet but the outgoing buffer.
     */
    static final class DatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final UdpTrackerExchange exchange;
        /** One byte more than the limit, so the decoder sees an oversized packet for what it is. */
        private final byte[] in = new byte[UdpTrackerProtocol.MAX_PACKET_LENGTH + 1];
        private final byte[] out = new byte[UdpTrackerExchange.MAX_ANSWER_LENGTH];
        private final PeerSelection selection = new PeerSelection();
        private boolean unflushed;
        /** Sends an answer that waited for the database; made once, this socket's context is fixed. */
        private BiConsumer<byte[], InetSocketAddress> sendLater;

        DatagramHandler(UdpTrackerExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf content = packet.content();
            int length = Math.min(content.readableBytes(), in.length);
            content.getBytes(content.readerIndex(), in, 0, length);
            InetSocketAddress source = packet.sender();
            if (sendLater == null) {
                sendLater = (answer, to) -> ctx.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(answer), to));
            }
            int n = exchange.answer(in, length, source, out, selection, sendLater);
            if (n > 0) {
                ctx.write(new DatagramPacket(ctx.alloc().directBuffer(n).writeBytes(out, 0, n), source),
                        ctx.voidPromise());
                unflushed = true;
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            if (unflushed) {
                unflushed = false;
                ctx.flush();
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.warn("UDP tracker socket error", cause);
        }
    }
}
