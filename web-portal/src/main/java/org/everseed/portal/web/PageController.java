package org.everseed.portal.web;

import java.net.URI;
import java.util.UUID;
import org.everseed.portal.publication.PublicationLinks;
import org.everseed.portal.publication.PublicationRepository;
import org.everseed.portal.upload.TorrentOptions;
import org.everseed.portal.publication.PublicationState;
import org.everseed.portal.upload.UploadException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The publisher pages: a plain HTML upload form that works without scripts, the list of recent
 * publications, and a page per publication with its .torrent, magnet and HTTP links.
 */
@Controller
public class PageController {
    private static final int RECENT = 50;
    private final MultipartUpload multipart;
    private final PublicationRepository publications;
    private final PublicationLinks links;

    /** Wires the pages. */
    public PageController(MultipartUpload multipart, PublicationRepository publications, PublicationLinks links) {
        this.multipart = multipart;
        this.publications = publications;
        this.links = links;
    }

    /** The upload form and recent publications. */
    @GetMapping("/")
    public Mono<String> index(Model model) {
        model.addAttribute("base", links.base());
        model.addAttribute("publications", publications.findNewest(RECENT).map(p -> PublicationView.of(p, links)).collectList());
        return Mono.just("portal/index");
    }

    /** Receives the form, then redirects (303) to the new publication's page. */
    @PostMapping(path = "/publications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<String> upload(@RequestBody Flux<PartEvent> parts,
            @RequestParam(name = "pieceLength", required = false) String pieceLength,
            @RequestParam(name = "format", required = false) String format,
            @RequestParam(name = "name", required = false) String name,
            @RequestParam(name = "unpack", defaultValue = "false") boolean unpack,
            ServerWebExchange exchange, Model model) {
        return Mono.fromCallable(() -> TorrentOptions.parse(pieceLength, format))
                .flatMap(options -> multipart.publish(parts, options, name, unpack))
                .map(p -> {
                    exchange.getResponse().setStatusCode(HttpStatus.SEE_OTHER);
                    exchange.getResponse().getHeaders().setLocation(URI.create("/publications/" + p.id()));
                    return "portal/redirect";
                })
                .onErrorResume(UploadException.class, e -> {
                    exchange.getResponse().setStatusCode(e.tooLarge() ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST);
                    model.addAttribute("error", e.getMessage());
                    return Mono.just("portal/error");
                });
    }

    /** One publication: its links once published; refreshes itself until then. */
    @GetMapping("/publications/{id}")
    public Mono<String> publication(@PathVariable("id") String id, Model model, ServerWebExchange exchange) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return notFound(model, exchange);
        }
        return publications.findById(uuid)
                .zipWhen(p -> publications.findFiles(uuid).collectList())
                .map(pf -> {
                    var p = pf.getT1();
                    model.addAttribute("p", PublicationView.of(p, pf.getT2(), links));
                    model.addAttribute("pending", p.state() == PublicationState.UPLOADED);
                    return "portal/publication";
                })
                .switchIfEmpty(Mono.defer(() -> notFound(model, exchange)));
    }

    private Mono<String> notFound(Model model, ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
        model.addAttribute("error", "No such publication.");
        return Mono.just("portal/error");
    }
}
