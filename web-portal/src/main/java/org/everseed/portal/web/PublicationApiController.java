package org.everseed.portal.web;

import java.net.URI;
import java.util.UUID;
import org.everseed.portal.publication.PublicationLinks;
import org.everseed.portal.publication.PublicationRepository;
import org.everseed.portal.upload.TorrentOptions;
import org.everseed.portal.publication.WithdrawalService;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The REST API for publishers and CI pipelines; documented in {@code docs/openapi.yaml}. */
@RestController
@RequestMapping("/api/v1/publications")
public class PublicationApiController {
    /** Most publications one list returns. */
    static final int MAX_LIST = 500;
    private final MultipartUpload multipart;
    private final PublicationRepository publications;
    private final PublicationLinks links;
    private final WithdrawalService withdrawals;

    /** Wires the API. */
    public PublicationApiController(MultipartUpload multipart, PublicationRepository publications, PublicationLinks links,
            WithdrawalService withdrawals) {
        this.multipart = multipart;
        this.publications = publications;
        this.links = links;
        this.withdrawals = withdrawals;
    }

    /**
     * Publishes the file in the multipart part named {@code file}: 201 with the publication (state
     * UPLOADED; the torrent links follow within seconds), 400 for a bad upload, 413 when too large.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<PublicationView>> create(@RequestBody Flux<PartEvent> parts,
            @RequestParam(name = "pieceLength", required = false) String pieceLength,
            @RequestParam(name = "format", required = false) String format,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "unpack", defaultValue = "false") boolean unpack) {
        return Mono.fromCallable(() -> TorrentOptions.parse(pieceLength, format))
                .flatMap(options -> multipart.publish(parts, options, name, unpack))
                .flatMap(p -> publications.findFiles(p.id()).collectList()
                        .map(files -> ResponseEntity.created(URI.create("/api/v1/publications/" + p.id()))
                                .body(PublicationView.of(p, files, links))));
    }

    /** The publication with this id, or 404. */
    @GetMapping(path = "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<PublicationView> get(@PathVariable("id") UUID id) {
        return publications.findById(id)
                .flatMap(p -> publications.findFiles(id).collectList().map(files -> PublicationView.of(p, files, links)))
                .switchIfEmpty(Mono.error(new ResponseStatusException(org.springframework.http.HttpStatus.NOT_FOUND,
                        "no publication " + id)));
    }

    /**
     * Unpublishes: 204, after which the file, its .torrent and magnet link answer 404 and the
     * everseed stops; idempotent. 404 if there is no such publication.
     */
    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> withdraw(@PathVariable("id") UUID id) {
        return withdrawals.withdraw(id)
                .map(found -> found ? ResponseEntity.noContent().<Void>build() : ResponseEntity.notFound().<Void>build());
    }

    /** The newest publications first, at most {@code limit} (1 to 500, default 100). */
    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public Flux<PublicationView> list(@RequestParam(name = "limit", defaultValue = "100") int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            return Flux.error(new ResponseStatusException(org.springframework.http.HttpStatus.BAD_REQUEST,
                    "limit must be from 1 to " + MAX_LIST));
        }
        return publications.findNewest(limit).map(p -> PublicationView.of(p, links));
    }
}
