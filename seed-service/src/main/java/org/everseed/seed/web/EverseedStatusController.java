package org.everseed.seed.web;

import java.util.Comparator;
import java.util.List;
import org.everseed.seed.session.SeededTorrent;
import org.everseed.seed.session.TorrentRegistry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** {@code GET /api/v1/everseeds}: the torrents this instance serves now, for operators and tests. */
@RestController
public class EverseedStatusController {
    private final TorrentRegistry registry;

    /** @param registry the served torrents */
    public EverseedStatusController(TorrentRegistry registry) {
        this.registry = registry;
    }

    /**
     * One entry per served torrent, by info_hash.
     *
     * @param infoHash the v1 info_hash, 40 lower-case hex digits
     * @param name the torrent name
     * @param size content length in bytes
     * @param pieces number of pieces
     * @param verifiedPieces pieces hashed so far (lazily, on first request) whose SHA-1 matched
     * @param uploaded bytes of blocks sent since the everseed started
     */
    public record EverseedStatus(String infoHash, String name, long size, int pieces, int verifiedPieces,
                                 long uploaded) {
        static EverseedStatus of(SeededTorrent t) {
            return new EverseedStatus(t.infoHash().hex(), t.metainfo().info().name(), t.data().totalLength(),
                    t.data().pieceCount(), t.data().verifiedCount(), t.uploaded().get());
        }
    }

    /** The served torrents, ordered by info_hash. */
    @GetMapping("/api/v1/everseeds")
    public Mono<List<EverseedStatus>> everseeds() {
        return Mono.fromSupplier(() -> registry.all().stream()
                .sorted(Comparator.comparing(SeededTorrent::infoHash))
                .map(EverseedStatus::of)
                .toList());
    }
}
