package org.everseed.metafile.web;

import java.nio.charset.StandardCharsets;
import org.everseed.bittorrent.id.InfoHash;
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
 * The info_hash is 40 hex digits (either case): anything else is 400, an unknown one 404.
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
        return catalog.findByInfoHash(InfoHashParam.parse(infoHash))
                .map(t -> ResponseEntity.ok()
                        .contentType(BITTORRENT)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename(t.name() + ".torrent", StandardCharsets.UTF_8).build().toString())
                        .body(t.metainfo()))
                .switchIfEmpty(Mono.error(() -> new TorrentNotFoundException(infoHash)));
    }

    /** The magnet URI as plain text. */
    @GetMapping(value = "/torrents/{infoHash}/magnet", produces = MediaType.TEXT_PLAIN_VALUE)
    public Mono<String> magnet(@PathVariable String infoHash) {
        return catalog.findByInfoHash(InfoHashParam.parse(infoHash))
                .map(TorrentRecord::magnetUri)
                .switchIfEmpty(Mono.error(() -> new TorrentNotFoundException(infoHash)));
    }
}
