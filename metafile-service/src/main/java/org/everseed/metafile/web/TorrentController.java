package org.everseed.metafile.web;

import java.nio.charset.StandardCharsets;
import org.everseed.metafile.catalog.TorrentCatalog;
import org.everseed.metafile.catalog.TorrentRecord;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The .torrent files and magnet links: {@code GET /torrents/{infoHash}.torrent} ({@code application/x-bittorrent},
 * attachment named after the torrent) and {@code GET /torrents/{infoHash}/magnet} ({@code text/plain}, BEP 9).
 * The info_hash is 40 hex digits (v1, or a truncated v2 one) or 64 (v2, BEP 52), either case: anything else is
 * 400, an unknown or withdrawn one 404.
 */
@RestController
public class TorrentController {
    /** The media type of .torrent files. */
    public static final MediaType BITTORRENT = MediaType.parseMediaType("application/x-bittorrent");
    private final TorrentCatalog catalog;

    /** @param catalog the stored torrents */
    public TorrentController(TorrentCatalog catalog) {
        this.catalog = catalog;
    }

    /** The .torrent file. */
    @GetMapping("/torrents/{infoHash}.torrent")
    public Mono<ResponseEntity<byte[]>> torrent(@PathVariable String infoHash) {
        return find(infoHash).map(TorrentController::torrentResponse);
    }

    /** The magnet URI as plain text. */
    @GetMapping(value = "/torrents/{infoHash}/magnet", produces = MediaType.TEXT_PLAIN_VALUE)
    public Mono<String> magnet(@PathVariable String infoHash) {
        return find(infoHash).map(TorrentRecord::magnetUri);
    }

    private Mono<TorrentRecord> find(String infoHash) {
        Mono<TorrentRecord> found = InfoHashParam.isV2(infoHash)
                ? catalog.findByInfoHashV2(InfoHashParam.parseV2(infoHash))
                : catalog.findByInfoHash(InfoHashParam.parse(infoHash));
        return found.switchIfEmpty(Mono.error(() -> new TorrentNotFoundException(infoHash)));
    }

    /** A 200 carrying {@code t}'s .torrent, as an attachment named {@code <name>.torrent}. */
    static ResponseEntity<byte[]> torrentResponse(TorrentRecord t) {
        return ResponseEntity.ok()
                .contentType(BITTORRENT)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(t.name() + ".torrent", StandardCharsets.UTF_8).build().toString())
                .body(t.metainfo());
    }
}
