package org.everseed.portal.upload;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;
import org.everseed.events.FileUploaded;
import org.everseed.messaging.outbox.Outbox;
import org.everseed.portal.config.PortalProperties;
import org.everseed.portal.publication.Publication;
import org.everseed.portal.publication.PublicationLinks;
import org.everseed.portal.publication.PublicationRepository;
import org.everseed.storage.BlobStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes an uploaded file: streams it into blob storage (never whole in memory), then writes the
 * publication row and its {@code FileUploaded} event in one transaction. On any failure nothing
 * remains: the partial blob is discarded, and a blob whose row could not be written is deleted.
 */
@Service
public class UploadService {
    private static final Logger log = LoggerFactory.getLogger(UploadService.class);
    /** Buffers queued between the network and the disk writer. */
    private static final int WRITE_QUEUE = 16;
    private final BlobStorage storage;
    private final PublicationRepository publications;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final PortalProperties properties;
    private final PublicationLinks links;

    /** Wires the upload path. */
    public UploadService(BlobStorage storage, PublicationRepository publications, Outbox outbox,
            TransactionalOperator tx, PortalProperties properties, PublicationLinks links) {
        this.storage = storage;
        this.publications = publications;
        this.outbox = outbox;
        this.tx = tx;
        this.properties = properties;
        this.links = links;
    }

    /**
     * Stores {@code content} as a new publication named after {@code submittedName}.
     *
     * @param submittedName the file name the client sent
     * @param content the file bytes; released here
     * @param options requested piece length and format (already checked)
     * @return the new publication; errors with {@link UploadException} for bad input
     */
    public Mono<Publication> upload(String submittedName, Flux<DataBuffer> content, TorrentOptions options) {
        String name;
        try {
            name = FileNames.publishable(submittedName);
        } catch (UploadException e) {
            return content.doOnNext(DataBufferUtils::release).then(Mono.error(e));
        }
        UUID id = UUID.randomUUID();
        String blobKey = id.toString().substring(0, 2) + "/" + id;
        Mono<StreamingBlob.Stored> stored = Mono.usingWhen(
                Mono.fromCallable(() -> new StreamingBlob(storage.create(blobKey), properties.maxUploadSize().toBytes()))
                        .subscribeOn(Schedulers.boundedElastic()),
                blob -> content.publishOn(Schedulers.boundedElastic(), WRITE_QUEUE)
                        .doOnNext(buffer -> {
                            try {
                                blob.write(buffer);
                            } catch (IOException e) {
                                throw new java.io.UncheckedIOException(e);
                            } finally {
                                DataBufferUtils.release(buffer);
                            }
                        })
                        .then(Mono.fromCallable(blob::commit)),
                blob -> Mono.fromRunnable(blob::close).subscribeOn(Schedulers.boundedElastic()));
        return stored
                .onErrorMap(e -> !(e instanceof UploadException),
                        e -> new UploadException("upload incomplete: " + e.getMessage(), false, e))
                .flatMap(s -> record(Publication.uploaded(id, name, s.size(), s.sha256(), blobKey, Instant.now()), options));
    }

    private Mono<Publication> record(Publication p, TorrentOptions options) {
        FileUploaded event = new FileUploaded(UUID.randomUUID(), p.createdAt(), p.id(), p.name(), p.size(), p.sha256(),
                p.blobKey(), links.fileUrl(p), options.pieceLength(), options.format());
        return publications.insert(p)
                .then(outbox.enqueue(event))
                .as(tx::transactional)
                .thenReturn(p)
                .onErrorResume(e -> Mono.fromCallable(() -> {
                    log.warn("publication {} not recorded, deleting its blob: {}", p.id(), e.toString());
                    storage.delete(p.blobKey());
                    return p;
                }).subscribeOn(Schedulers.boundedElastic()).then(Mono.error(e)));
    }
}
