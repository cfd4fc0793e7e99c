package org.everseed.portal.web;

import org.everseed.portal.publication.Publication;
import org.everseed.portal.upload.UploadException;
import org.everseed.portal.upload.UploadService;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a streamed multipart body: the first part named {@value #FILE_PART} that carries a file is
 * published; other parts are drained. The file streams through without being buffered whole.
 */
@Component
public class MultipartUpload {
    /** Name of the form part that carries the file. */
    public static final String FILE_PART = "file";
    private final UploadService uploads;

    /** @param uploads where the file goes */
    public MultipartUpload(UploadService uploads) {
        this.uploads = uploads;
    }

    /**
     * Publishes the file part of {@code parts}.
     *
     * @param pieceLength requested piece length in bytes, or null
     * @return the publication; errors with {@link UploadException} if there is no file part
     */
    public Mono<Publication> publish(Flux<PartEvent> parts, Integer pieceLength) {
        return parts.windowUntil(PartEvent::isLast)
                // delayError: a broken body ends the part being stored first, so its cleanup finishes before the answer.
                .concatMapDelayError(part -> part.switchOnFirst((first, events) -> {
                    if (first.hasValue() && first.get() instanceof FilePartEvent file && FILE_PART.equals(file.name())) {
                        return uploads.upload(file.filename(), events.map(PartEvent::content), pieceLength).flux();
                    }
                    return events.doOnNext(e -> DataBufferUtils.release(e.content())).thenMany(Flux.<Publication>empty());
                }))
                .onErrorMap(e -> !(e instanceof UploadException),
                        e -> new UploadException("malformed or incomplete multipart upload: " + e.getMessage(), false, e))
                .collectList()
                .flatMap(published -> switch (published.size()) {
                    case 0 -> Mono.error(new UploadException("the request has no part named '" + FILE_PART + "' with a file"));
                    case 1 -> Mono.just(published.getFirst());
                    default -> Mono.error(new UploadException("send one part named '" + FILE_PART + "' per request"));
                });
    }
}
