package org.everseed.seed.seeding;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.bittorrent.metainfo.FileEntry;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.MetainfoException;
import org.everseed.bittorrent.metainfo.MetainfoParser;
import org.everseed.seed.announce.Announcer;
import org.everseed.seed.config.SeedProperties;
import org.everseed.seed.session.SeededTorrent;
import org.everseed.seed.session.TorrentRegistry;
import org.everseed.seed.storage.DataProblem;
import org.everseed.seed.storage.TorrentData;
import org.everseed.seed.storage.TorrentDataException;
import org.everseed.seed.storage.TorrentDataLoader;
import org.everseed.storage.BlobStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/**
 * Starts and stops everseeds. An assignment is recorded in the {@code everseed} table first
 * (idempotent), then started on the verification pool: the .torrent is parsed, the blob's length
 * checked, the torrent served on the peer wire port (pieces verified lazily, BEP 3) and announced.
 * A blob that is missing or of the wrong length marks the assignment {@code failed}. A served blob
 * that vanishes, changes or has a piece that does not match stops that everseed: {@code failed} plus
 * an {@code EverseedStopped} event, unless a live publication of the same torrent has its own blobs: then the
 * everseed moves to those. The publications of each torrent are recorded ({@link PublicationRepository}): the same
 * bytes and name published twice share one info_hash, so the everseed is withdrawn only with the last live
 * publication, and a withdrawn torrent published anew is seeded again.
 */
@Service
public class Everseeds {
    private static final Logger log = LoggerFactory.getLogger(Everseeds.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);

    private final AssignmentRepository assignments;
    private final PublicationRepository publications;
    private final BlobStorage blobs;
    private final TorrentSource torrents;
    private final TorrentDataLoader loader;
    private final TorrentRegistry registry;
    private final Announcer announcer;
    private final FailureRecorder failures;
    private final ExecutorService verification;
    private final Set<InfoHash> starting = ConcurrentHashMap.newKeySet();
    private volatile Ownership ownership;

    /** Wires the parts. */
    public Everseeds(AssignmentRepository assignments, PublicationRepository publications, BlobStorage blobs,
            TorrentSource torrents, TorrentDataLoader loader, TorrentRegistry registry, Announcer announcer,
            FailureRecorder failures, @Qualifier("verificationExecutor") ExecutorService verification,
            SeedProperties properties) {
        this.assignments = assignments;
        this.publications = publications;
        this.blobs = blobs;
        this.torrents = torrents;
        this.loader = loader;
        this.registry = registry;
        this.announcer = announcer;
        this.failures = failures;
        this.verification = verification;
        this.ownership = properties.splitByPartitions() ? Ownership.NONE : Ownership.ALL;
    }

    /**
     * Seeds {@code infoHash} for publication {@code publicationId}, whose content is the blob {@code blobKey}:
     * records the assignment unless it exists (fetching the .torrent from metafile-service) and the publication with
     * its blobs, then starts it unless it runs. Seeing the same event twice changes nothing; a publication withdrawn
     * before is not seeded; a withdrawn torrent published anew is seeded again, from the new publication's blobs.
     *
     * @param blobKey the content's blob (single-file torrents), or the first file's
     * @param fileBlobs for a multi-file torrent, each file's blob by its path below the torrent's name; empty for a
     *     single-file torrent
     * @param origin {@link SeedAssignment#FROM_TORRENT_CREATED} or {@link SeedAssignment#FROM_SWARM_EMPTY}
     * @return completes once the assignment is recorded and its start submitted; errors with
     *     {@link TorrentNotFoundException}, a {@link MetainfoException} for a malformed .torrent, or an
     *     {@link IllegalStateException} when the .torrent has another info_hash or a file of it has no blob
     */
    public Mono<Void> assign(InfoHash infoHash, UUID publicationId, String blobKey, Map<List<String>, String> fileBlobs,
            String origin) {
        return assignments.find(infoHash)
                .switchIfEmpty(Mono.defer(() -> torrents.fetch(infoHash)
                        .map(bytes -> checked(infoHash, bytes, blobKey, fileBlobs, origin))
                        .flatMap(a -> assignments.insertIfAbsent(a).then(assignments.find(infoHash)))))
                .flatMap(row -> {
                    PublicationBlobs own = checked(infoHash, row.torrent(), blobKey, fileBlobs, origin).blobs();
                    return publications.record(infoHash, publicationId, own).flatMap(withdrawnBefore -> {
                        if (withdrawnBefore) {
                            log.info("publication {} of {} was withdrawn before: not seeded", publicationId, infoHash);
                            return Mono.empty();
                        }
                        return row.isWithdrawn() ? assignments.repoint(infoHash, own) : Mono.just(row);
                    });
                })
                .doOnNext(this::start)
                .then();
    }

    /**
     * A swarm has no seeder: (re)starts its everseed here if it is in the shared table (whichever
     * instance owns it: a rescue may make two seeders, never none) and not withdrawn.
     *
     * @return whether the torrent is in the table; unknown torrents are not seeded because their blob
     *     key is known only from {@code TorrentCreated}
     */
    public Mono<Boolean> rescue(InfoHash infoHash) {
        return assignments.find(infoHash)
                .doOnNext(this::start)
                .map(a -> true)
                .defaultIfEmpty(false);
    }

    /**
     * Publication {@code publicationId} of {@code infoHash} was withdrawn. When no other publication of the torrent is
     * live: marks its assignment withdrawn and stops serving and announcing it here (other instances stop it when
     * they see the row). Else the everseed goes on, moved to a live publication's blobs if it served the withdrawn
     * one's (the portal deletes those).
     *
     * @return whether it was assigned
     */
    public Mono<Boolean> withdraw(InfoHash infoHash, UUID publicationId, Instant at) {
        return publications.withdraw(infoHash, publicationId, at)
                .then(Mono.defer(() -> assignments.find(infoHash)))
                .flatMap(row -> publications.findLive(infoHash).collectList().flatMap(live -> {
                    if (live.isEmpty()) {
                        return assignments.withdraw(infoHash).doOnNext(known -> stopHere(infoHash, "withdrawn"));
                    }
                    if (live.stream().anyMatch(p -> p.blobKeys().equals(row.blobKeys()))) {
                        return Mono.just(true);                  // it serves a live publication's blobs already
                    }
                    return moveTo(infoHash, live, row.blobKeys()).thenReturn(true);
                }))
                .defaultIfEmpty(false);
    }

    /**
     * Points the assignment at the first live publication whose blobs exist and are not {@code leaving}, and restarts
     * it here from them; empty when there is none.
     */
    private Mono<SeedAssignment> moveTo(InfoHash infoHash, List<PublicationBlobs> live, List<String> leaving) {
        return Mono.justOrEmpty(live.stream()
                        .filter(p -> !p.blobKeys().equals(leaving) && p.blobKeys().stream().allMatch(blobs::exists))
                        .findFirst())
                .flatMap(p -> assignments.repoint(infoHash, p))
                .doOnNext(moved -> {
                    stopHere(infoHash, "moving to the blobs of a live publication");
                    start(moved);
                });
    }

    /**
     * Stops serving {@code infoHash} on this instance (the peer wire server closes its connections on
     * their next message) and sends the tracker {@code stopped}; the table is left as it is.
     */
    public void stopHere(InfoHash infoHash, String why) {
        if (registry.remove(infoHash)) {
            announcer.stop(infoHash);
            log.info("everseed {} stopped: {}", infoHash, why);
        }
    }

    /** Starts every recorded assignment this instance owns (at start-up: a restart resumes its everseeds). */
    public Mono<Long> resumeAll() {
        return assignments.findAll().filter(a -> ownership.owns(a.infoHash())).doOnNext(this::start).count();
    }

    /**
     * The consumer group gave this instance another share of the torrents: stops those it no longer
     * owns (their new owner starts them) and starts those it owns now, from the shared table.
     *
     * @return completes once the starts are submitted
     */
    public Mono<Long> reassigned(Ownership now) {
        ownership = now;
        registry.all().stream().map(SeededTorrent::infoHash).filter(h -> !now.owns(h))
                .forEach(h -> stopHere(h, "owned by another instance now"));
        return resumeAll();
    }

    /** The share of the torrents this instance seeds. */
    public Ownership ownership() {
        return ownership;
    }

    /** Whether {@code infoHash} is served now. */
    public boolean isSeeding(InfoHash infoHash) {
        return registry.contains(infoHash);
    }

    private static SeedAssignment checked(InfoHash infoHash, byte[] bytes, String blobKey,
            Map<List<String>, String> fileBlobs, String origin) {
        Metainfo metainfo = MetainfoParser.parse(bytes);
        if (!metainfo.infoHash().equals(infoHash)) {
            throw new IllegalStateException("the .torrent served for " + infoHash + " has info_hash " + metainfo.infoHash());
        }
        List<String> keys = new ArrayList<>();
        if (metainfo.info().multiFile()) {
            for (FileEntry file : metainfo.info().contentFiles()) {
                String key = fileBlobs.get(file.path());
                if (key == null) {
                    throw new IllegalStateException("file " + file.joinedPath() + " of " + infoHash + " has no blob");
                }
                keys.add(key);
            }
        }
        return new SeedAssignment(infoHash, keys.isEmpty() ? blobKey : keys.getFirst(), keys, bytes, origin, "active");
    }

    /** Submits the start of {@code a} unless it is served or already starting; never blocks. */
    void start(SeedAssignment a) {
        if (a.isWithdrawn() || registry.contains(a.infoHash()) || !starting.add(a.infoHash())) {
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
            TorrentData data = loader.load(a.blobKeys(), metainfo, problem -> broken(a.infoHash(), problem));
            SeededTorrent torrent = new SeededTorrent(metainfo, a.blobKey(), data);
            if (!registry.add(torrent)) {
                return;
            }
            if (SeedAssignment.FAILED.equals(a.state())) {
                assignments.setState(a.infoHash(), "active", null).block(DB_TIMEOUT);
            }
            announcer.start(torrent);
            log.info("everseed {} ({}) serving {} pieces, verified as requested", a.infoHash(), metainfo.info().name(),
                    data.pieceCount());
        } catch (TorrentDataException | MetainfoException e) {
            log.warn("everseed {} cannot start: {}", a.infoHash(), e.getMessage());
            assignments.setState(a.infoHash(), SeedAssignment.FAILED, e.getMessage()).block(DB_TIMEOUT);
        }
    }

    /**
     * The served file went missing or changed: stop, then move to the blobs of a live publication of the same torrent
     * if one has them (the row may point there already, moved by a withdrawal on another instance), else mark failed
     * and emit the event. Blocking (off the event loops).
     */
    private void broken(InfoHash infoHash, DataProblem problem) {
        List<String> served = registry.find(infoHash).map(t -> t.data().blobKeys()).orElse(List.of());
        log.warn("everseed {} stops: {}", infoHash, problem.detail());
        stopHere(infoHash, problem.detail());
        try {
            SeedAssignment moved = assignments.find(infoHash)
                    .filter(row -> !row.isWithdrawn())
                    .flatMap(row -> !row.blobKeys().equals(served) && row.blobKeys().stream().allMatch(blobs::exists)
                            ? Mono.just(row).doOnNext(this::start)
                            : publications.findLive(infoHash).collectList().flatMap(live -> moveTo(infoHash, live, served)))
                    .block(DB_TIMEOUT);
            if (moved != null) {
                log.info("everseed {} serves the blobs of another live publication of it", infoHash);
                return;
            }
            failures.stopped(infoHash, problem).block(DB_TIMEOUT);
        } catch (RuntimeException e) {
            log.error("everseed {} stopped but its failure could not be recorded: {}", infoHash, e.toString());
        }
    }
}
