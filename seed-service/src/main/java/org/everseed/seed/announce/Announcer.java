package org.everseed.seed.announce;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.id.PeerId;
import org.everseed.bittorrent.tracker.AnnounceEvent;
import org.everseed.bittorrent.tracker.AnnounceRequest;
import org.everseed.bittorrent.tracker.AnnounceResponse;
import org.everseed.seed.config.SeedProperties;
import org.everseed.seed.peerwire.PeerWireServer;
import org.everseed.seed.session.SeededTorrent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Announces each everseed to the trackers of its metainfo: {@code started}, then again after the tracker's
 * {@code interval} (at least {@code min-announce-interval}), retrying a failed announce after
 * {@code announce-retry}; {@code stopped} when a torrent stops and for every torrent on shutdown. Our port is the
 * peer wire server's; {@code uploaded} the bytes sent since start; {@code left} the size of the pieces we do not
 * serve (0 when all verified); {@code key} one random 32-bit value per process, in 8 hex digits (BEP 7, BEP 15).
 *
 * <p>Which tracker (BEP 12): every announce walks the tiers of {@code announce-list} in order (else the one
 * {@code announce}), each tier in its current order, and stops at the first tracker that answers, which moves to the
 * front of its tier; a tracker that fails (unreachable, {@code failure reason} or BEP 15 error, time-out, garbage)
 * gives way to the next one, the next tier after the last of a tier. Only trackers whose scheme a
 * {@link TrackerClient} speaks are tried: HTTP(S) (BEP 3) and UDP (BEP 15); others are skipped. When every
 * tracker failed, the same announce is retried after {@code announce-retry}. {@code stopped} goes to the tracker
 * that answered last, if any did. Each client bounds its own wait ({@code http-timeout}; {@code udp-timeout} and
 * {@code udp-tries}).
 */
@Component
public class Announcer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Announcer.class);
    private final List<TrackerClient> clients;
    private final PeerWireServer server;
    private final PeerId peerId;
    private final SeedProperties properties;
    private final String key = HexFormat.of().toHexDigits(new SecureRandom().nextInt());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("seed-announce").daemon().factory());
    private final ConcurrentHashMap<InfoHash, Schedule> schedules = new ConcurrentHashMap<>();
    private volatile boolean running;

    /** Wires the announcer with every tracker client (one per scheme). */
    public Announcer(List<TrackerClient> clients, PeerWireServer server, PeerId localPeerId,
                     SeedProperties properties) {
        this.clients = List.copyOf(clients);
        this.server = server;
        this.peerId = localPeerId;
        this.properties = properties;
    }

    /** Starts announcing {@code torrent} ({@code started} now); nothing if it is announced already or has no tracker we speak. */
    public void start(SeededTorrent torrent) {
        TrackerTiers tiers = TrackerTiers.of(torrent.metainfo(), url -> client(url).isPresent());
        if (tiers.isEmpty()) {
            log.info("{}: no HTTP or UDP tracker in the metainfo, not announcing", torrent.infoHash());
            return;
        }
        Schedule schedule = new Schedule(torrent, tiers);
        if (schedules.putIfAbsent(torrent.infoHash(), schedule) == null) {
            schedule.next(AnnounceEvent.STARTED, Duration.ZERO);
        }
    }

    /** Stops announcing {@code infoHash}: sends {@code stopped} once (in the background); nothing if not announced. */
    public void stop(InfoHash infoHash) {
        Schedule schedule = schedules.remove(infoHash);
        if (schedule != null && running) {
            schedule.stopped().subscribe(r -> { }, e -> log.debug("stopped announce of {} failed: {}", infoHash, e.toString()));
        }
    }

    /** Info hashes being announced now. */
    public List<InfoHash> announced() {
        return List.copyOf(schedules.keySet());
    }

    /** The tracker that answered {@code infoHash}'s last announce, if any did. */
    public Optional<String> currentTracker(InfoHash infoHash) {
        Schedule schedule = schedules.get(infoHash);
        return schedule == null ? Optional.empty() : Optional.ofNullable(schedule.lastAnswered);
    }

    @Override
    public void start() {
        running = true;
    }

    /** Sends {@code stopped} for every torrent, waiting at most {@code http-timeout} in all. */
    @Override
    public void stop() {
        running = false;
        timer.shutdownNow();
        List<Schedule> all = List.copyOf(schedules.values());
        schedules.clear();
        try {
            Flux.fromIterable(all)
                    .flatMap(s -> s.stopped().onErrorResume(e -> {
                        log.debug("stopped announce of {} failed: {}", s.torrent.infoHash(), e.toString());
                        return Mono.empty();
                    }), 16)
                    .then()
                    .block(properties.httpTimeout());
        } catch (RuntimeException e) {
            log.warn("stopped announces did not all finish: {}", e.getMessage());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Phase: stopped after the peer wire server, so {@code stopped} goes out when no peer is served. */
    @Override
    public int getPhase() {
        return PeerWireServer.PHASE - 1;
    }

    private Optional<TrackerClient> client(String url) {
        return clients.stream().filter(c -> c.supports(url)).findFirst();
    }

    /** A tracker's answer. */
    private record Answer(String url, AnnounceResponse response) {
    }

    /** The announce state of one torrent. */
    private final class Schedule {
        private final SeededTorrent torrent;
        private final TrackerTiers tiers;
        private final Map<String, String> trackerIds = new ConcurrentHashMap<>();
        private volatile String lastAnswered;

        Schedule(SeededTorrent torrent, TrackerTiers tiers) {
            this.torrent = torrent;
            this.tiers = tiers;
        }

        AnnounceRequest request(AnnounceEvent event, String url) {
            return new AnnounceRequest(torrent.infoHash(), peerId, server.port(), torrent.uploaded().get(), 0,
                    torrent.unservedBytes(), event, AnnounceRequest.NUMWANT_DEFAULT, true, false, Optional.of(key),
                    Optional.ofNullable(trackerIds.get(url)));
        }

        Mono<AnnounceResponse> announce(String url, AnnounceEvent event) {
            return Mono.defer(() -> client(url).orElseThrow().announce(url, request(event, url)));
        }

        /** {@code stopped} to the tracker that answered last; empty if none did. */
        Mono<AnnounceResponse> stopped() {
            String url = lastAnswered;
            return url == null ? Mono.empty() : announce(url, AnnounceEvent.STOPPED);
        }

        void next(AnnounceEvent event, Duration delay) {
            if (timer.isShutdown()) {
                return;
            }
            try {
                timer.schedule(() -> send(event), delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                log.debug("{}: not scheduling another announce, shutting down", torrent.infoHash());
            }
        }

        private void send(AnnounceEvent event) {
            if (schedules.get(torrent.infoHash()) != this) {
                return;
            }
            Flux.fromIterable(tiers.inOrder())
                    .concatMap(url -> announce(url, event)
                            .map(response -> new Answer(url, response))
                            .onErrorResume(e -> {
                                log.info("announce of {} to {} failed: {}", torrent.infoHash(), url, e.toString());
                                return Mono.empty();
                            }))
                    .next()
                    .switchIfEmpty(Mono.error(() -> new IllegalStateException("no tracker answered")))
                    .subscribe(this::answered, e -> failed(event, e));
        }

        private void answered(Answer answer) {
            tiers.answered(answer.url());
            lastAnswered = answer.url();
            answer.response().trackerId().ifPresent(id -> trackerIds.put(answer.url(), id));
            long seconds = Math.max(answer.response().interval(), answer.response().minInterval().orElse(0));
            Duration interval = Duration.ofSeconds(seconds);
            if (interval.compareTo(properties.minAnnounceInterval()) < 0) {
                interval = properties.minAnnounceInterval();
            }
            log.debug("announced {} to {}; next in {}", torrent.infoHash(), answer.url(), interval);
            next(AnnounceEvent.NONE, interval);
        }

        private void failed(AnnounceEvent event, Throwable e) {
            log.warn("announce of {} failed at every tracker ({}); retrying in {}", torrent.infoHash(), e.getMessage(),
                    properties.announceRetry());
            next(event, properties.announceRetry());
        }
    }
}
