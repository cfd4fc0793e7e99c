package org.everseed.seed.seeding;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.MetainfoException;
import org.everseed.bittorrent.metainfo.MetainfoParser;
import org.everseed.seed.announce.Announcer;
import org.everseed.seed.session.SeededTorrent;
import org.everseed.seed.session.TorrentRegistry;
import org.everseed.seed.storage.TorrentData;
import org.everseed.seed.storage.TorrentDataException;
import org.everseed.seed.storage.TorrentDataLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Starts everseeds. An assignment is recorded in the {@code everseed} table first (idempotent), then
 * started on the verification pool: the .torrent is parsed, the blob verified piece by piece (BEP 3),
 * the torrent served on the peer wire port and announced. A blob that is missing or of the wrong
 * length marks the assignment {@code failed}; pieces whose hash does not match are never served.
 */
@Service
public class Everseeds {
    private static final Logger log = LoggerFactory.getLogger(Everseeds.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);

    private final AssignmentRepository assignments;
    private final TorrentSource torrents;
    private final TorrentDataLoader loader;
    private final TorrentRegistry registry;
    private final Announcer announcer;
    private final ExecutorService verification;
    private final Set<InfoHash> starting = ConcurrentHashMap.newKeySet();

    /** Wires the parts. */
    public Everseeds(AssignmentRepository assignments, TorrentSource torrents, TorrentDataLoader loader,
            TorrentRegistry registry, Announcer announcer, @Qualifier("verificationExecutor") ExecutorService verification) {
        this.assignments = assignments;
        this.torrents = torrents;
        this.loader = loader;
        this.registry = registry;
        this.announcer = announcer;
        this.verification = verification;
    }

    /**
     * Seeds {@code infoHash}, whose content is the blob {@code blobKey}: records the assignment unless
     * it exists (fetching the .torrent from metafile-service), then starts it unless it runs. Seeing the
     * same torrent twice changes nothing.
     *
     * @param origin {@link SeedAssignment#FROM_TORRENT_CREATED} or {@link SeedAssignment#FROM_SWARM_EMPTY}
     * @return completes once the assignment is recorded and its start submitted; errors with
     *     {@link TorrentNotFoundException}, a {@link MetainfoException} for a malformed .torrent, or an
     *     {@link IllegalStateException} when the .torrent has another info_hash
     */
    public Mono<Void> assign(InfoHash infoHash, String blobKey, String origin) {
        return assignments.find(infoHash)
                .switchIfEmpty(Mono.defer(() -> torrents.fetch(infoHash)
                        .map(bytes -> checked(infoHash, bytes, blobKey, origin))
                        .flatMap(a -> assignments.insertIfAbsent(a).then(assignments.find(infoHash)))))
                .doOnNext(this::start)
                .then();
    }

    /**
     * A swarm has no seeder: (re)starts its everseed if it is assigned here and not running.
     *
     * @return whether the torrent is assigned here; unknown torrents are not seeded because their blob
     *     key is known only from {@code TorrentCreated}
     */
    public Mono<Boolean> rescue(InfoHash infoHash) {
        return assignments.find(infoHash)
                .doOnNext(this::start)
                .map(a -> true)
                .defaultIfEmpty(false);
    }

    /** Starts every recorded assignment (at start-up: a restart resumes all everseeds). */
    public Mono<Long> resumeAll() {
        return assignments.findAll().doOnNext(this::start).count();
    }

    /** Whether {@code infoHash} is served now. */
    public boolean isSeeding(InfoHash infoHash) {
        return registry.contains(infoHash);
    }

    private static SeedAssignment checked(InfoHash infoHash, byte[] bytes, String blobKey, String origin) {
        Metainfo metainfo = MetainfoParser.parse(bytes);
        if (!metainfo.infoHash().equals(infoHash)) {
            throw new IllegalStateException("the .torrent served for " + infoHash + " has info_hash " + metainfo.infoHash());
        }
        return new SeedAssignment(infoHash, blobKey, bytes, origin, "active");
    }

    /** Submits the start of {@code a} unless it is served or already starting; never blocks. */
    void start(SeedAssignment a) {
        if (registry.contains(a.infoHash()) || !starting.add(a.infoHash())) {
            return;
        }
        verification.execute(() -> {
            try {
                startNow(a);
            } finally {
                starting.remove(a.infoHash());
            }
        });
    }

    private void startNow(SeedAssignment a) {
        try {
            Metainfo metainfo = MetainfoParser.parse(a.torrent());
            TorrentData data = loader.load(a.blobKey(), metainfo.info());
            SeededTorrent torrent = new SeededTorrent(metainfo, a.blobKey(), data);
            if (!registry.add(torrent)) {
                return;
            }
            if (!data.isComplete()) {
                log.warn("{}: only {} of {} pieces match their hash; the others are never served",
                        a.infoHash(), data.verifiedPieces().cardinality(), data.pieceCount());
            }
            if (SeedAssignment.FAILED.equals(a.state())) {
                assignments.setState(a.infoHash(), "active", null).block(DB_TIMEOUT);
            }
            announcer.start(torrent);
            log.info("everseed {} ({}) serving {} pieces", a.infoHash(), metainfo.info().name(), data.pieceCount());
        } catch (TorrentDataException | MetainfoException e) {
            log.warn("everseed {} cannot start: {}", a.infoHash(), e.getMessage());
            assignments.setState(a.infoHash(), SeedAssignment.FAILED, e.getMessage()).block(DB_TIMEOUT);
        }
    }
}
