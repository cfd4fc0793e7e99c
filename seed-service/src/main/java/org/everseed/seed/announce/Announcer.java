package org.everseed.seed.announce;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
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
 * Announces each everseed to the tracker of its metainfo (BEP 3 {@code announce}): {@code started},
 * then again after the tracker's {@code interval} (at least {@code min-announce-interval}), retrying
 * a failed announce after {@code announce-retry}; on shutdown {@code stopped} for every torrent. Our
 * port is the peer wire server's; {@code uploaded} the bytes sent since start; {@code left} the size
 * of the pieces we do not serve (0 when all verified). Non-HTTP trackers are skipped (BEP 15 UDP is
 * not spoken yet).
 */
@Component
public class Announcer implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(Announcer.class);
    private final TrackerClient client;
    private final PeerWireServer server;
    private final PeerId peerId;
    private final SeedProperties properties;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("seed-announce").daemon().factory());
    private final ConcurrentHashMap<InfoHash, Schedule> schedules = new ConcurrentHashMap<>();
    private volatile boolean running;

    /** Wires the announcer. */
    public Announcer(TrackerClient client, PeerWireServer server, PeerId localPeerId, SeedProperties properties) {
        this.client = client;
        this.server = server;
        this.peerId = localPeerId;
        this.properties = properties;
    }

    /** Starts announcing {@code torrent} ({@code started} now); nothing if it is announced already. */
    public void start(SeededTorrent torrent) {
        Optional<String> url = torrent.metainfo().trackers().stream().filter(client::supports).findFirst();
        if (url.isEmpty()) {
            log.info("{}: no HTTP tracker in the metainfo, not announcing", torrent.infoHash());
            return;
        }
        Schedule schedule = new Schedule(torrent, url.get());
        if (schedules.putIfAbsent(torrent.infoHash(), schedule) == null) {
            schedule.next(AnnounceEvent.STARTED, Duration.ZERO);
        }
    }

    /** Stops announcing {@code infoHash}: sends {@code stopped} once (in the background); nothing if not announced. */
    public void stop(InfoHash infoHash) {
        Schedule schedule = schedules.remove(infoHash);
        if (schedule != null && running) {
            client.announce(schedule.url, schedule.request(AnnounceEvent.STOPPED))
                    .timeout(properties.httpTimeout())
                    .subscribe(r -> { }, e -> log.debug("stopped announce of {} failed: {}", infoHash, e.toString()));
        }
    }

    /** Info hashes being announced now. */
    public List<InfoHash> announced() {
        return List.copyOf(schedules.keySet());
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
                    .flatMap(s -> client.announce(s.url, s.request(AnnounceEvent.STOPPED))
                            .onErrorResume(e -> {
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

    /** The announce state of one torrent. */
    private final class Schedule {
        private final SeededTorrent torrent;
        private final String url;
        private volatile Optional<String> trackerId = Optional.empty();

        Schedule(SeededTorrent torrent, String url) {
            this.torrent = torrent;
            this.url = url;
        }

        AnnounceRequest request(AnnounceEvent event) {
            return new AnnounceRequest(torrent.infoHash(), peerId, server.port(), torrent.uploaded().get(), 0,
                    torrent.unservedBytes(), event,
                    AnnounceRequest.NUMWANT_DEFAULT, true, false, Optional.empty(), trackerId);
        }

        void next(AnnounceEvent event, Duration delay) {
            if (timer.isShutdown()) {
                return;
            }
            timer.schedule(() -> send(event), delay.toMillis(), TimeUnit.MILLISECONDS);
        }

        private void send(AnnounceEvent event) {
            if (schedules.get(torrent.infoHash()) != this) {
                return;
            }
            client.announce(url, request(event))
                    .timeout(properties.httpTimeout())
                    .subscribe(this::answered, e -> failed(event, e));
        }

        private void answered(AnnounceResponse response) {
            response.trackerId().ifPresent(id -> trackerId = Optional.of(id));
            long seconds = Math.max(response.interval(), response.minInterval().orElse(0));
            Duration interval = Duration.ofSeconds(seconds);
            if (interval.compareTo(properties.minAnnounceInterval()) < 0) {
                interval = properties.minAnnounceInterval();
            }
            log.debug("announced {} to {}; next in {}", torrent.infoHash(), url, interval);
            next(AnnounceEvent.NONE, interval);
        }

        private void failed(AnnounceEvent event, Throwable e) {
            log.warn("announce of {} to {} failed: {}", torrent.infoHash(), url, e.toString());
            next(event, properties.announceRetry());
        }
    }
}
