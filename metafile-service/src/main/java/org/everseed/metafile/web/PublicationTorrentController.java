package org.everseed.metafile.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.everseed.metafile.catalog.TorrentCatalog;
import org.everseed.metafile.catalog.TorrentRecord;
import org.everseed.metafile.config.MetafileProperties;
import org.everseed.storage.BlobStorage;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /torrents/by-publication/{id}}: the torrent behind a download URL. The gateway sends
 * {@code GET /files/{id}/{name}?torrent} and {@code GET /files/{id}/{name}} with {@code Accept:
 * application/x-bittorrent} here (as Amazon S3's {@code ?torrent} did). A file of at least
 * {@code everseed.metafile.torrent-min-size} gets its .torrent ({@code application/x-bittorrent}, attachment
 * {@code <name>.torrent}); a smaller one is sent as it is ({@code application/octet-stream}, attachment
 * {@code <name>}), read into memory (bounded by that size) off the event loop. Every answer carries
 * {@code Vary: Accept}. 400 for a malformed id, 404 for an unknown or withdrawn publication or one whose torrent is
 * not made yet.
 */
@RestController
public class PublicationTorrentController {
    private final TorrentCatalog catalog;
    private final BlobStorage storage;
    private final long minSize;

    /** Wires the collaborators. */
    public PublicationTorrentController(TorrentCatalog catalog, BlobStorage storage, MetafileProperties properties) {
        this.catalog = catalog;
        this.storage = storage;
        this.minSize = properties.torrentMinSize().toBytes();
    }

    /** The torrent, or the small file itself. */
    @GetMapping("/torrents/by-publication/{id}")
    public Mono<ResponseEntity<byte[]>> byPublication(@PathVariable String id) {
        UUID publication;
        try {
            publication = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("publication id must be a UUID");
        }
        return catalog.findByPublicationId(publication)
                .filter(t -> !t.withdrawn())
                .switchIfEmpty(Mono.error(() -> new TorrentNotFoundException("publication " + id)))
                .flatMap(t -> t.size() >= minSize || t.blobKey().isEmpty()
                        ? Mono.just(TorrentController.torrentResponse(t))
                        : Mono.fromCallable(() -> fileResponse(t)).subscribeOn(Schedulers.boundedElastic()))
                .map(r -> ResponseEntity.status(r.getStatusCode()).headers(r.getHeaders())
                        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT).body(r.getBody()));
    }

    private ResponseEntity<byte[]> fileResponse(TorrentRecord t) {
        ByteBuffer bytes = ByteBuffer.allocate((int) t.size());
        try (FileChannel channel = storage.openRead(t.blobKey().orElseThrow())) {
            while (bytes.hasRemaining() && channel.read(bytes, bytes.position()) >= 0) {
                // read until full or the end of the blob
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the blob of " + t.publicationId(), e);
        }
        if (bytes.hasRemaining()) {
            throw new IllegalStateException("the blob of " + t.publicationId() + " is shorter than " + t.size() + " bytes");
        }
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(t.name(), StandardCharsets.UTF_8).build().toString())
                .body(bytes.array());
    }
}
