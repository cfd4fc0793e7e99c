package org.everseed.portal.web;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.everseed.portal.publication.PublicationRepository;
import org.everseed.portal.publication.PublicationState;
import org.everseed.storage.BlobStorage;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The published files over plain HTTP: {@code GET /files/{id}/{name}} with single and multiple byte
 * ranges (RFC 9110 section 14), so the URL works as a BEP 19 web seed. HEAD is answered too.
 */
@RestController
public class FileController {
    private final PublicationRepository publications;
    private final BlobStorage storage;

    /** Wires the file route. */
    public FileController(PublicationRepository publications, BlobStorage storage) {
        this.publications = publications;
        this.storage = storage;
    }

    /**
     * One file of a multi-file publication, {@code /files/{id}/{name}/{path}}: the URL a BEP 19 client
     * builds from the web seed directory, the torrent name and the file's path. 404 when nothing matches.
     */
    @GetMapping("/files/{id}/{name}/{*path}")
    public Mono<ResponseEntity<Resource>> fileOf(@PathVariable("id") String id, @PathVariable("name") String name,
            @PathVariable("path") String path) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        return publication(id)
                .filter(p -> p.name().equals(name) && p.state() != PublicationState.WITHDRAWN)
                .flatMap(p -> publications.findFile(p.id(), relative)
                        .flatMap(f -> serve(f.blobKey(), f.path().getLast(), f.sha256())))
                .defaultIfEmpty(ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    /** The file's bytes (200, or 206 for a Range request); 404 when id and name do not match a file. */
    @GetMapping("/files/{id}/{name}")
    public Mono<ResponseEntity<Resource>> file(@PathVariable("id") String id, @PathVariable("name") String name) {
        return publication(id)
                .filter(p -> p.name().equals(name) && p.state() != PublicationState.WITHDRAWN)
                .flatMap(p -> serve(p.blobKey(), p.name(), p.sha256()))
                .defaultIfEmpty(ResponseEntity.status(HttpStatus.NOT_FOUND).build());
    }

    private Mono<org.everseed.portal.publication.Publication> publication(String id) {
        try {
            return publications.findById(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Mono.empty();
        }
    }

    /** The blob as a Resource, which WebFlux answers with Range support; empty if it is not a file. */
    private Mono<ResponseEntity<Resource>> serve(String blobKey, String fileName, String sha256) {
        return Mono.justOrEmpty(storage.localPath(blobKey))
                .filter(path -> path.toFile().isFile())
                .map(path -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .header("Accept-Ranges", "bytes")
                        .eTag(sha256)
                        .cacheControl(CacheControl.noCache())
                        .header("Content-Disposition", ContentDisposition.attachment()
                                .filename(fileName, StandardCharsets.UTF_8).build().toString())
                        .body((Resource) new FileSystemResource(path)));
    }
}
