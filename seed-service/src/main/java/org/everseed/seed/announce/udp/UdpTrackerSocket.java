package org.everseed.seed.announce.udp;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.everseed.bittorrent.tracker.TrackerResponseException;
import org.everseed.bittorrent.tracker.udp.UdpResponse;
import org.everseed.bittorrent.tracker.udp.UdpResponseDecoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * The one datagram socket of all UDP tracker requests (BEP 15): a non-blocking {@link DatagramChannel} bound to
 * an ephemeral port on the wildcard address (dual-stack where the system has IPv6, so IPv4 and IPv6 trackers share
 * it), read by one selector thread; sends never block (a full send buffer counts as a lost packet and is made up
 * by the next retransmission), so {@link #exchange} may be called from any thread, event loops included.
 *
 * <p>At most {@code maxOutstanding} requests await answers at once; more wait in arrival order, at most
 * {@code maxQueued} of them, and start as answers come in (or time-outs end others); beyond that a request fails at
 * once. Each request gets a random transaction id not in use when it starts. An answer is taken only if its
 * transaction id is outstanding, it comes from the address the request went to, and its action is the one expected
 * or an error; anything else (malformed, short, foreign, late) is dropped and the request keeps waiting. A request
 * unanswered after {@code timeout} is sent again, then after 2 x, 4 x ... {@code timeout} ({@code tries} sends in
 * all), as BEP 15 does with 15 s x 2^n.
 */
final class UdpTrackerSocket implements AutoCloseable {
    /** Largest datagram read: the IP maximum, so that a large peer list is never cut. */
    private static final int RECEIVE_BUFFER = 65_536;
    /**
     * Kernel receive buffer asked for (SO_RCVBUF, capped by {@code net.core.rmem_max}): a burst of answers to many
     * outstanding requests overflowed Linux's default 208 KiB (about 90 small datagrams at their in-kernel size),
     * costing a retransmission time-out each; 4 MiB holds the answers to 1,024 requests.
     */
    private static final int SOCKET_RECEIVE_BUFFER = 4 * 1024 * 1024;
    private static final Logger log = LoggerFactory.getLogger(UdpTrackerSocket.class);
    private final DatagramChannel channel;
    private final Selector selector;
    private final Thread receiver;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("seed-udp-tracker-timer").daemon().factory());
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final Queue<Pending> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger permits;
    private final AtomicInteger queued = new AtomicInteger();
    private final SecureRandom random = new SecureRandom();
    private final long timeoutNanos;
    private final int tries;
    private final int maxOutstanding;
    private final int maxQueued;
    private final AtomicLong retransmissions = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private volatile boolean closed;

    /**
     * Opens and binds the socket and starts its reader thread.
     *
     * @param timeout first retransmission time-out, doubled after each send
     * @param tries sends of one request before it fails, at least 1
     * @param maxOutstanding requests awaiting an answer at once, at least 1
     * @param maxQueued requests waiting for one of those places, at least 0
     * @throws IOException if the socket cannot be opened
     */
    UdpTrackerSocket(Duration timeout, int tries, int maxOutstanding, int maxQueued) throws IOException {
        if (tries < 1 || maxOutstanding < 1 || maxQueued < 0 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout, tries and maxOutstanding must be positive, maxQueued not negative");
        }
        this.timeoutNanos = timeout.toNanos();
        this.tries = tries;
        this.permits = new AtomicInteger(maxOutstanding);
        this.maxOutstanding = maxOutstanding;
        this.maxQueued = maxQueued;
        channel = DatagramChannel.open();
        channel.setOption(StandardSocketOptions.SO_RCVBUF, SOCKET_RECEIVE_BUFFER);
        channel.bind(null);
        channel.configureBlocking(false);
        selector = Selector.open();
        channel.register(selector, SelectionKey.OP_READ);
        receiver = Thread.ofPlatform().name("seed-udp-tracker").daemon().start(this::receive);
    }

    /** The local address the socket is bound to. */
    InetSocketAddress localAddress() throws IOException {
        return (InetSocketAddress) channel.getLocalAddress();
    }

    /**
     * Sends the request {@code packet.apply(transactionId)} to {@code tracker} (once one of {@code maxOutstanding}
     * places is free) and waits for its answer.
     *
     * @param expected the answer's type: {@link UdpResponse.Connect} or {@link UdpResponse.Announce}
     * @return the answer, of type {@code expected} or {@link UdpResponse.Error}; errors
     *     {@link UdpTrackerTimeoutException} when no answer came after {@code tries} sends,
     *     {@link UdpTrackerBusyException} when {@code maxOutstanding} requests await answers and {@code maxQueued}
     *     more wait already, {@link IOException} when the socket cannot send (an unreachable network, a closed
     *     socket). Cancelling forgets the request.
     */
    Mono<UdpResponse> exchange(InetSocketAddress tracker, IntFunction<byte[]> packet,
                               Class<? extends UdpResponse> expected) {
        return Mono.create(sink -> {
            if (closed) {
                sink.error(new ClosedChannelException());
                return;
            }
            Pending request = new Pending(tracker, packet, expected, sink);
            sink.onDispose(request::forget);
            if (acquire()) {
                start(request);
            } else if (queued.incrementAndGet() <= maxQueued) {
                waiting.add(request);
                drain();                                   // a place may have come free meanwhile
            } else {
                queued.decrementAndGet();
                sink.error(new UdpTrackerBusyException(maxOutstanding, maxQueued));
            }
        });
    }

    /** Requests awaiting an answer now. */
    int outstanding() {
        return pending.size();
    }

    /** Requests waiting for a place now. */
    int queued() {
        return queued.get();
    }

    /** Packets sent again since the socket opened. */
    long retransmissions() {
        return retransmissions.get();
    }

    /** Datagrams received and dropped since the socket opened: malformed, foreign, unknown or late answers. */
    long ignored() {
        return ignored.get();
    }

    private boolean acquire() {
        for (int p = permits.get(); p > 0; p = permits.get()) {
            if (permits.compareAndSet(p, p - 1)) {
                return true;
            }
        }
        return false;
    }

    /** A place came free: it goes to the longest-waiting request still wanted. */
    private void release() {
        permits.incrementAndGet();
        drain();
    }

    private void drain() {
        while (!waiting.isEmpty() && acquire()) {
            Pending next = waiting.poll();
            if (next == null) {
                permits.incrementAndGet();
                return;
            }
            queued.decrementAndGet();
            if (next.cancelled) {
                permits.incrementAndGet();
            } else {
                start(next);
            }
        }
    }

    /** Gives {@code request} (holding a place) a free transaction id and sends it. */
    private void start(Pending request) {
        int transactionId;
        do {
            transactionId = random.nextInt();
        } while (pending.putIfAbsent(transactionId, request) != null);
        request.transactionId = transactionId;
        try {
            request.bytes = request.packet.apply(transactionId);
        } catch (RuntimeException e) {
            if (finish(request)) {
                request.sink.error(e);
            }
            return;
        }
        request.send(0);
    }

    /** Removes a started request; true if this call did (so its caller completes the sink). Frees its place. */
    private boolean finish(Pending request) {
        if (pending.remove(request.transactionId, request)) {
            request.cancelTimer();
            release();
            return true;
        }
        return false;
    }

    private void receive() {
        ByteBuffer buffer = ByteBuffer.allocate(RECEIVE_BUFFER);
        try {
            while (!closed) {
                selector.select();
                selector.selectedKeys().clear();
                SocketAddress from;
                while ((from = channel.receive(buffer.clear())) != null) {
                    answered((InetSocketAddress) from, buffer.array(), buffer.position());
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                log.error("UDP tracker socket reader stopped", e);
            }
        }
    }

    private void answered(InetSocketAddress from, byte[] packet, int length) {
        UdpResponse response;
        try {
            response = UdpResponseDecoder.decode(packet, length, from.getAddress() instanceof Inet6Address);
        } catch (TrackerResponseException e) {
            ignored.incrementAndGet();
            log.debug("ignored a malformed UDP tracker answer from {}: {}", from, e.getMessage());
            return;
        }
        Pending request = pending.get(response.transactionId());
        if (request == null || !request.tracker.equals(from)
                || !(request.expected.isInstance(response) || response instanceof UdpResponse.Error)) {
            ignored.incrementAndGet();
            log.debug("ignored a UDP tracker answer from {} that answers no request of ours: {}", from, response);
            return;
        }
        log.trace("UDP tracker answer {} from {}", response, from);
        if (finish(request)) {
            request.sink.success(response);
        }
    }

    /** Closes the socket; requests still waiting fail with {@link ClosedChannelException}. */
    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        try {
            selector.close();
            channel.close();
        } catch (IOException e) {
            log.debug("closing the UDP tracker socket: {}", e.toString());
        }
        for (Pending request : List.copyOf(waiting)) {
            if (waiting.remove(request)) {
                request.sink.error(new ClosedChannelException());
            }
        }
        for (Pending request : List.copyOf(pending.values())) {
            if (pending.remove(request.transactionId, request)) {
                request.sink.error(new ClosedChannelException());
            }
        }
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One request, waiting for a place or for its answer. */
    private final class Pending {
        private final InetSocketAddress tracker;
        private final IntFunction<byte[]> packet;
        private final Class<? extends UdpResponse> expected;
        private final MonoSink<UdpResponse> sink;
        private volatile int transactionId;
        private volatile byte[] bytes;
        private volatile ScheduledFuture<?> timeout;
        private volatile boolean cancelled;

        Pending(InetSocketAddress tracker, IntFunction<byte[]> packet, Class<? extends UdpResponse> expected,
                MonoSink<UdpResponse> sink) {
            this.tracker = tracker;
            this.packet = packet;
            this.expected = expected;
            this.sink = sink;
        }

        /**
         * Arms the time-out of try number {@code attempt} (0-based): {@code timeout} x 2^attempt, then sends. Armed
         * first, so that an answer arriving at once finds the timer to cancel.
         */
        void send(int attempt) {
            if (pending.get(transactionId) != this) {
                return;
            }
            try {
                timeout = timer.schedule(() -> expired(attempt), timeoutNanos << attempt, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                if (finish(this)) {
                    sink.error(new ClosedChannelException());
                }
                return;
            }
            try {
                if (channel.send(ByteBuffer.wrap(bytes), tracker) == 0) {
                    log.debug("UDP send buffer full: request to {} counts as lost", tracker);
                } else if (log.isTraceEnabled()) {
                    log.trace("sent UDP tracker request {} (try {}, {} bytes) to {}", transactionId, attempt + 1,
                            bytes.length, tracker);
                }
            } catch (IOException | RuntimeException e) {
                if (finish(this)) {
                    sink.error(e);
                }
            }
        }

        private void expired(int attempt) {
            if (pending.get(transactionId) != this) {
                return;                                   // answered (or cancelled) meanwhile
            }
            if (attempt + 1 < tries) {
                retransmissions.incrementAndGet();
                log.debug("no answer from UDP tracker {} after try {}; sending again", tracker, attempt + 1);
                send(attempt + 1);
            } else if (finish(this)) {
                sink.error(new UdpTrackerTimeoutException(tracker, tries));
            }
        }

        void cancelTimer() {
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
        }

        /** The subscriber is gone (or done): a started request gives its place up, a waiting one is skipped. */
        void forget() {
            cancelled = true;
            if (bytes != null) {
                finish(this);
            }
        }
    }
}
