package org.everseed.portal.web;

import org.everseed.portal.publication.Publication;
import org.everseed.portal.upload.UploadException;
import org.everseed.portal.upload.UploadService;
import org.springframework.core.io.buffer.DataBufferUtils;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.everseed.portal.upload.TorrentOptions;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a streamed multipart body: the first part named {@value #FILE_PART} that carries a file is
 * published; form fields {@value #PIECE_LENGTH_FIELD} and {@value #FORMAT_FIELD} sent BEFORE it
 * (as a browser sends fields that precede the file input) count where the query gave no value;
 * other parts are drained. The file streams through without being buffered whole.
 */
@Component
public class MultipartUpload {
    /** Name of the form part that carries the file. */
    public static final String FILE_PART = "file";
    /** Form field with the requested piece length in bytes. */
    public static final String PIECE_LENGTH_FIELD = "pieceLength";
    /** Form field with the requested torrent format. */
    public static final String FORMAT_FIELD = "format";
    /** Longest form field value read, in bytes. */
    private static final int MAX_FIELD_BYTES = 64;
    private final UploadService uploads;

    /** @param uploads where the file goes */
    public MultipartUpload(UploadService uploads) {
        this.uploads = uploads;
    }

    /**
     * Publishes the file part of {@code parts}.
     *
     * @param query options given in the query string; they win over form fields
     * @return the publication; errors with {@link UploadException} if there is no file part or an option is bad
     */
    public Mono<Publication> publish(Flux<PartEvent> parts, TorrentOptions query) {
        Map<String, String> fields = new ConcurrentHashMap<>();
        return parts.windowUntil(PartEvent::isLast)
                // delayError: a broken body ends the part being stored first, so its cleanup finishes before the answer.
                .concatMapDelayError(part -> part.switchOnFirst((first, events) -> {
                    if (first.hasValue() && first.get() instanceof FilePartEvent file && FILE_PART.equals(file.name())) {
                        TorrentOptions options;
                        try {
                            options = query.orElse(TorrentOptions.parse(fields.get(PIECE_LENGTH_FIELD), fields.get(FORMAT_FIELD)));
                        } catch (UploadException e) {
                            return events.doOnNext(ev -> DataBufferUtils.release(ev.content())).thenMany(Flux.<Publication>error(e));
                        }
                        return uploads.upload(file.filename(), events.map(PartEvent::content), options).flux();
                    }
                    if (first.hasValue() && first.get() instanceof FormPartEvent field
                            && (PIECE_LENGTH_FIELD.equals(field.name()) || FORMAT_FIELD.equals(field.name()))
                            && field.value().length() <= MAX_FIELD_BYTES) {
                        fields.put(field.name(), field.value());
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
