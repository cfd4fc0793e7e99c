package org.everseed.seed.announce.udp;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
 * <p>Each request gets a random transaction id not in use. An answer is taken only if its transaction id is
 * outstanding, it comes from the address the request went to, and its action is the one expected or an error;
 * anything else (malformed, short, foreign, late) is dropped and the request keeps waiting. A request unanswered
 * after {@code timeout} is sent again, then after 2 x, 4 x ... {@code timeout} ({@code tries} sends in all), as
 * BEP 15 does with 15 s x 2^n.
 */
final class UdpTrackerSocket implements AutoCloseable {
    /** Largest datagram read: the IP maximum, so that a large peer list is never cut. */
    private static final int RECEIVE_BUFFER = 65_536;
    private static final Logger log = LoggerFactory.getLogger(UdpTrackerSocket.class);
    private final DatagramChannel channel;
    private final Selector selector;
    private final Thread receiver;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("seed-udp-tracker-timer").daemon().factory());
    private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final long timeoutNanos;
    private final int tries;
    private final int maxOutstanding;
    private volatile boolean closed;

    /**
     * Opens and binds the socket and starts its reader thread.
     *
     * @param timeout first retransmission time-out, doubled after each send
     * @param tries sends of one request before it fails, at least 1
     * @param maxOutstanding requests awaiting an answer at once, at least 1
     * @throws IOException if the socket cannot be opened
     */
    UdpTrackerSocket(Duration timeout, int tries, int maxOutstanding) throws IOException {
        if (tries < 1 || maxOutstanding < 1 || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout, tries and maxOutstanding must be positive");
        }
        this.timeoutNanos = timeout.toNanos();
        this.tries = tries;
        this.maxOutstanding = maxOutstanding;
        channel = DatagramChannel.open();
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
     * Sends the request {@code packet.apply(transactionId)} to {@code tracker} and waits for its answer.
     *
     * @param expected the answer's type: {@link UdpResponse.Connect} or {@link UdpResponse.Announce}
     * @return the answer, of type {@code expected} or {@link UdpResponse.Error}; errors
     *     {@link UdpTrackerTimeoutException} when no answer came after {@code tries} sends,
     *     {@link UdpTrackerBusyException} when {@code maxOutstanding} requests already wait, {@link IOException} when
     *     the socket cannot send (an unreachable network, a closed socket). Cancelling forgets the request.
     */
    Mono<UdpResponse> exchange(InetSocketAddress tracker, IntFunction<byte[]> packet,
                               Class<? extends UdpResponse> expected) {
        return Mono.create(sink -> {
            if (closed) {
                sink.error(new ClosedChannelException());
                return;
            }
            if (pending.size() >= maxOutstanding) {
                sink.error(new UdpTrackerBusyException(maxOutstanding));
                return;
            }
            Pending request;
            int transactionId;
            do {
                transactionId = random.nextInt();
                request = new Pending(transactionId, tracker, expected, sink);
            } while (pending.putIfAbsent(transactionId, request) != null);
            request.bytes = packet.apply(transactionId);
            Pending registered = request;
            sink.onDispose(registered::forget);
            registered.send(0);
        });
    }

    /** Requests awaiting an answer now. */
    int outstanding() {
        return pending.size();
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
            log.debug("ignored a malformed UDP tracker answer from {}: {}", from, e.getMessage());
            return;
        }
        Pending request = pending.get(response.transactionId());
        if (request == null || !request.tracker.equals(from)
                || !(request.expected.isInstance(response) || response instanceof UdpResponse.Error)) {
            log.debug("ignored a UDP tracker answer from {} that answers no request of ours: {}", from, response);
            return;
        }
        log.trace("UDP tracker answer {} from {}", response, from);
        if (pending.remove(response.transactionId(), request)) {
            request.cancelTimer();
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

    /** One request awaiting its answer. */
    private final class Pending {
        private final int transactionId;
        private final InetSocketAddress tracker;
        private final Class<? extends UdpResponse> expected;
        private final MonoSink<UdpResponse> sink;
        private volatile byte[] bytes;
        private volatile ScheduledFuture<?> timeout;

        Pending(int transactionId, InetSocketAddress tracker, Class<? extends UdpResponse> expected,
                MonoSink<UdpResponse> sink) {
            this.transactionId = transactionId;
            this.tracker = tracker;
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
                if (pending.remove(transactionId, this)) {
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
                if (pending.remove(transactionId, this)) {
                    cancelTimer();
                    sink.error(e);
                }
            }
        }

        private void expired(int attempt) {
            if (pending.get(transactionId) != this) {
                return;                                   // answered (or cancelled) meanwhile
            }
            if (attempt + 1 < tries) {
                log.debug("no answer from UDP tracker {} after try {}; sending again", tracker, attempt + 1);
                send(attempt + 1);
            } else if (pending.remove(transactionId, this)) {
                sink.error(new UdpTrackerTimeoutException(tracker, tries));
            }
        }

        void cancelTimer() {
            ScheduledFuture<?> t = timeout;
            if (t != null) {
                t.cancel(false);
            }
        }

        void forget() {
            pending.remove(transactionId, this);
            cancelTimer();
        }
    }
}
