package org.everseed.seed.announce.udp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import org.everseed.bittorrent.tracker.TrackerFailureException;
import org.everseed.bittorrent.tracker.udp.UdpRequestEncoder;
import org.everseed.bittorrent.tracker.udp.UdpResponse;
import org.everseed.seed.announce.TrackerClient;
import org.everseed.seed.config.SeedProperties;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Announces to {@code udp://host:port[/path]} trackers (BEP 15) over one shared socket: a connect gets a
 * connection id, kept per tracker address for {@link #CONNECTION_ID_LIFETIME} from the moment the connect was sent
 * (BEP 15: usable for one minute after it was received), then the announce carries it with our peer_id, key, port,
 * uploaded, downloaded, left and event. After an expiry, an error answer or a time-out the next announce connects
 * again. An error answer fails the announce with {@link TrackerFailureException}, as an HTTP
 * {@code failure reason} does; silence fails it with {@link UdpTrackerTimeoutException} after {@code udp-tries}
 * sends of one packet, the time-out starting at {@code udp-timeout} and doubling. Host names are resolved off the
 * caller's thread and kept for a minute; IPv6 literals are written in brackets.
 *
 * <p>Concurrent announces to one tracker share one connect. The {@code key} is the request's {@code key} if it is
 * 8 hex digits (HTTP form, BEP 7), else 0.
 */
@Component
public class UdpTrackerClient implements TrackerClient, DisposableBean {
    /** How long a connection id is used (BEP 15: "until one minute after it has received it"). */
    public static final Duration CONNECTION_ID_LIFETIME = Duration.ofMinutes(1);
    private final UdpTrackerSocket socket;
    private final LongSupplier nanoClock;
    /** Most tracker addresses whose resolution is kept; beyond, stale ones are dropped, then new ones not kept. */
    private static final int MAX_RESOLVED = 4096;
    private final ConcurrentHashMap<InetSocketAddress, Connection> connections = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<UdpTrackerAddress, Resolved> resolved = new ConcurrentHashMap<>();

    /**
     * Opens the shared socket with {@code udp-timeout}, {@code udp-tries}, {@code udp-max-outstanding} and
     * {@code udp-max-queued}.
     *
     * @throws UncheckedIOException if no datagram socket can be opened
     */
    @Autowired
    public UdpTrackerClient(SeedProperties properties) {
        this(properties.udpTimeout(), properties.udpTries(), properties.udpMaxOutstanding(), properties.udpMaxQueued(),
                System::nanoTime);
    }

    /**
     * As above with explicit settings and clock (for tests).
     *
     * @param nanoClock monotonic nanoseconds, the clock of the connection ids' lifetime
     */
    UdpTrackerClient(Duration timeout, int tries, int maxOutstanding, int maxQueued, LongSupplier nanoClock) {
        try {
            this.socket = new UdpTrackerSocket(timeout, tries, maxOutstanding, maxQueued);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the UDP tracker socket", e);
        }
        this.nanoClock = nanoClock;
    }

    @Override
    public boolean supports(String announceUrl) {
        return UdpTrackerAddress.isUdp(announceUrl);
    }

    /**
     * Announces {@code request} to the UDP tracker {@code announceUrl}.
     *
     * @return the tracker's answer (interval, seeders, leechers, compact peers; no {@code min interval}); errors
     *     {@link TrackerFailureException} for an error answer, {@link UdpTrackerTimeoutException},
     *     {@link UdpTrackerBusyException}, {@link IllegalArgumentException} for a malformed URL,
     *     {@link java.net.UnknownHostException} for a host that does not resolve, {@link IOException} when the
     *     socket cannot send
     */
    @Override
    public Mono<AnnounceResponse> announce(String announceUrl, AnnounceRequest request) {
        return Mono.fromCallable(() -> UdpTrackerAddress.parse(announceUrl))
                .flatMap(this::resolve)
                .flatMap(tracker -> announce(tracker, request));
    }

    /**
     * The tracker's socket address: resolved on a blocking-capable thread (a name may need DNS), then kept for
     * {@link #CONNECTION_ID_LIFETIME}, so that thousands of announces to one tracker cost one look-up a minute.
     */
    private Mono<InetSocketAddress> resolve(UdpTrackerAddress address) {
        long now = nanoClock.getAsLong();
        Resolved known = resolved.get(address);
        if (known != null && now - known.atNanos() < CONNECTION_ID_LIFETIME.toNanos()) {
            return Mono.just(known.address());
        }
        return Mono.fromCallable(() -> new InetSocketAddress(InetAddress.getByName(address.host()), address.port()))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(a -> {
                    if (resolved.size() >= MAX_RESOLVED) {
                        resolved.values().removeIf(r -> now - r.atNanos() >= CONNECTION_ID_LIFETIME.toNanos());
                    }
                    if (resolved.size() < MAX_RESOLVED) {
                        resolved.put(address, new Resolved(a, now));
                    }
                });
    }

    private Mono<AnnounceResponse> announce(InetSocketAddress tracker, AnnounceRequest request) {
        int key = key(request.key());
        Connection connection = connection(tracker);
        return Mono.fromFuture(connection.id, true)
                .flatMap(id -> socket.exchange(tracker, tx -> UdpRequestEncoder.announce(id, tx, request, key),
                        UdpResponse.Announce.class))
                .map(UdpTrackerClient::announceResponse)
                .doOnError(e -> connections.remove(tracker, connection));
    }

    private static AnnounceResponse announceResponse(UdpResponse response) {
        return switch (response) {
            case UdpResponse.Announce a -> a.announce();
            case UdpResponse.Error e -> throw new TrackerFailureException(e.message());
            default -> throw new IllegalStateException("unexpected answer " + response);
        };
    }

    /** The connection to {@code tracker}: the cached one while usable, else a new connect (shared by concurrent callers). */
    private Connection connection(InetSocketAddress tracker) {
        long now = nanoClock.getAsLong();
        Connection[] created = new Connection[1];
        Connection connection = connections.compute(tracker, (k, old) -> old != null && old.usableAt(now)
                ? old : (created[0] = new Connection(now, new CompletableFuture<>())));
        if (connection == created[0]) {
            socket.exchange(tracker, UdpRequestEncoder::connect, UdpResponse.Connect.class).subscribe(
                    response -> {
                        switch (response) {
                            case UdpResponse.Connect c -> connection.id.complete(c.connectionId());
                            case UdpResponse.Error e -> failed(tracker, connection, new TrackerFailureException(e.message()));
                            default -> failed(tracker, connection, new IllegalStateException("unexpected answer " + response));
                        }
                    },
                    e -> failed(tracker, connection, e));
        }
        return connection;
    }

    private void failed(InetSocketAddress tracker, Connection connection, Throwable e) {
        connections.remove(tracker, connection);
        connection.id.completeExceptionally(e);
    }

    private static int key(Optional<String> key) {
        return key.filter(k -> k.length() == 8 && k.chars().allMatch(c -> Character.digit(c, 16) >= 0))
                .map(k -> HexFormat.fromHexDigits(k))
                .orElse(0);
    }

    /** Requests awaiting a tracker's answer now. */
    int outstanding() {
        return socket.outstanding();
    }

    /** Requests waiting for a place among the outstanding ones now. */
    int queued() {
        return socket.queued();
    }

    /** Packets sent again since start, for lack of an answer. */
    public long retransmissions() {
        return socket.retransmissions();
    }

    /** Datagrams dropped since start: malformed, foreign, unknown or late answers. */
    public long ignoredAnswers() {
        return socket.ignored();
    }

    /** Closes the shared socket; announces still waiting fail. */
    @Override
    public void destroy() {
        socket.close();
    }

    /** A tracker's socket address as resolved at {@code atNanos} (nanoClock). */
    private record Resolved(InetSocketAddress address, long atNanos) {
    }

    /**
     * A connection id, asked for at {@code sentAtNanos}.
     *
     * @param sentAtNanos when the connect was sent (nanoClock); the id is used for {@link #CONNECTION_ID_LIFETIME} from then
     * @param id completes with the connection id, or fails with the connect's failure
     */
    private record Connection(long sentAtNanos, CompletableFuture<Long> id) {
        boolean usableAt(long nowNanos) {
            return !id.isCompletedExceptionally() && nowNanos - sentAtNanos < CONNECTION_ID_LIFETIME.toNanos();
        }
    }
}
