package org.everseed.metafile.web;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.everseed.metafile.catalog.PublicLinks;
import org.everseed.metafile.catalog.TorrentCatalog;
import org.everseed.metafile.catalog.TorrentRecord;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * JSON summaries of stored torrents: {@code GET /api/v1/torrents/{infoHash}} (404 unknown or withdrawn, 400
 * malformed) and {@code GET /api/v1/torrents?publicationId=<uuid>} (a list of zero or one, withdrawn ones flagged,
 * 400 for a malformed id).
 */
@RestController
public class TorrentApiController {
    private final TorrentCatalog catalog;
    private final PublicLinks links;

    /** Wires the collaborators. */
    public TorrentApiController(TorrentCatalog catalog, PublicLinks links) {
        this.catalog = catalog;
        this.links = links;
    }

    /**
     * A torrent's summary.
     *
     * @param infoHash v1 info_hash, 40 hex digits
     * @param publicationId the publication
     * @param name torrent name
     * @param size content length in bytes
     * @param pieceLength piece length in bytes
     * @param pieceCount number of pieces
     * @param torrentUrl public .torrent URL
     * @param magnetUri magnet link (BEP 9)
     * @param createdAt when it was stored
     * @param format {@code v1}, {@code v2} or {@code hybrid}
     * @param infoHashV2 v2 info_hash (BEP 52), 64 hex digits, for v2 and hybrid torrents; else null
     * @param withdrawn whether the publication was withdrawn (its .torrent then answers 404)
     */
    public record TorrentSummary(String infoHash, UUID publicationId, String name, long size, int pieceLength,
            long pieceCount, String torrentUrl, String magnetUri, Instant createdAt, String format, String infoHashV2,
            boolean withdrawn) {
    }

    /** The summary of the torrent with this info_hash. */
    @GetMapping("/api/v1/torrents/{infoHash}")
    public Mono<TorrentSummary> byInfoHash(@PathVariable String infoHash) {
        return catalog.findByInfoHash(InfoHashParam.parse(infoHash))
                .map(this::summary)
                .switchIfEmpty(Mono.error(() -> new TorrentNotFoundException(infoHash)));
    }

    /** The torrents of a publication: zero or one. */
    @GetMapping("/api/v1/torrents")
    public Mono<List<TorrentSummary>> byPublication(@RequestParam String publicationId) {
        UUID id;
        try {
            id = UUID.fromString(publicationId);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("publicationId must be a UUID");
        }
        return catalog.findByPublicationId(id).map(this::summary).map(List::of).defaultIfEmpty(List.of());
    }

    private TorrentSummary summary(TorrentRecord t) {
        long pieces = t.size() == 0 ? 0 : (t.size() - 1) / t.pieceLength() + 1;
        return new TorrentSummary(t.infoHash().hex(), t.publicationId(), t.name(), t.size(), t.pieceLength(), pieces,
                links.torrent(t.infoHash()), t.magnetUri(), t.createdAt(), t.format().wireName(),
                t.infoHashV2().map(Object::toString).orElse(null), t.withdrawn());
    }
}
