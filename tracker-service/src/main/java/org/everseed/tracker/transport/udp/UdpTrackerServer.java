package org.everseed.tracker.transport.udp;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
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
import org.everseed.bittorrent.tracker.udp.UdpTrackerProtocol;
import org.everseed.tracker.config.TrackerProperties;
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
                .handler(new DatagramHandler(exchange));
        if (epoll) {
            bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
        }
        bootstrap.option(ChannelOption.SO_RCVBUF, 4 << 20);
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

    /** Reads each datagram into a byte array, asks the exchange, writes the answer back. */
    @ChannelHandler.Sharable
    static final class DatagramHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        private final UdpTrackerExchange exchange;

        DatagramHandler(UdpTrackerExchange exchange) {
            this.exchange = exchange;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            ByteBuf in = packet.content();
            // one byte more than the limit, so the decoder sees an oversized packet for what it is
            int length = Math.min(in.readableBytes(), UdpTrackerProtocol.MAX_PACKET_LENGTH + 1);
            byte[] bytes = new byte[length];
            in.getBytes(in.readerIndex(), bytes);
            InetSocketAddress source = packet.sender();
            exchange.answer(bytes, length, source).subscribe(
                    answer -> ctx.writeAndFlush(new DatagramPacket(ctx.alloc().buffer(answer.length).writeBytes(answer),
                            source)),
                    error -> log.error("UDP tracker answer failed", error));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            log.warn("UDP tracker socket error", cause);
        }
    }
}
