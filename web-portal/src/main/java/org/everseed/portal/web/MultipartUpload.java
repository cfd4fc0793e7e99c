package org.everseed.portal.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.everseed.portal.config.PortalProperties;
import org.everseed.portal.publication.Publication;
import org.everseed.portal.upload.BlobIntake;
import org.everseed.portal.upload.FileNames;
import org.everseed.portal.upload.StoredFile;
import org.everseed.portal.upload.TorrentOptions;
import org.everseed.portal.upload.UploadException;
import org.everseed.portal.upload.UploadService;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.codec.multipart.FilePartEvent;
import org.springframework.http.codec.multipart.FormPartEvent;
import org.springframework.http.codec.multipart.PartEvent;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Reads a streamed multipart body. Every part named {@value #FILE_PART} that carries a file is stored
 * as it streams in (never buffered whole): one such part makes a single-file publication, several a
 * multi-file one, their file names read as relative paths (a browser's folder upload sends
 * {@code dir/sub/file}). Form fields {@value #NAME_FIELD}, {@value #PIECE_LENGTH_FIELD} and
 * {@value #FORMAT_FIELD} sent BEFORE the first file count where the query gave no value. If anything
 * fails, every file stored so far is deleted: nothing half-written remains.
 */
@Component
public class MultipartUpload {
    /** Name of the form parts that carry files. */
    public static final String FILE_PART = "file";
    /** Form field with the name of a multi-file publication. */
    public static final String NAME_FIELD = "name";
    /** Form field with the requested piece length in bytes. */
    public static final String PIECE_LENGTH_FIELD = "pieceLength";
    /** Form field with the requested torrent format. */
    public static final String FORMAT_FIELD = "format";
    /** Longest form field value read, in bytes. */
    private static final int MAX_FIELD_BYTES = 256;
    private final BlobIntake intake;
    private final UploadService uploads;
    private final PortalProperties properties;

    /** Wires the multipart reader. */
    public MultipartUpload(BlobIntake intake, UploadService uploads, PortalProperties properties) {
        this.intake = intake;
        this.uploads = uploads;
        this.properties = properties;
    }

    /**
     * Publishes the file parts of {@code parts}.
     *
     * @param query options given in the query string; they win over form fields
     * @param queryName the {@code name} query parameter, or null
     * @return the publication; errors with {@link UploadException} if there is no file part, a part is
     *     bad, or an option is bad
     */
    public Mono<Publication> publish(Flux<PartEvent> parts, TorrentOptions query, String queryName) {
        UUID id = UUID.randomUUID();
        Map<String, String> fields = new ConcurrentHashMap<>();
        List<StoredFile> stored = new CopyOnWriteArrayList<>();
        long limit = properties.maxUploadSize().toBytes();
        return parts.windowUntil(PartEvent::isLast)
                // delayError: a broken body ends the part being stored first, so its cleanup finishes before the answer.
                .concatMapDelayError(part -> part.switchOnFirst((first, events) -> {
                    if (first.hasValue() && first.get() instanceof FilePartEvent file && FILE_PART.equals(file.name())) {
                        List<String> path;
                        try {
                            path = FileNames.relativePath(file.filename());
                            if (stored.size() >= UploadService.MAX_FILES) {
                                throw new UploadException("a publication holds at most " + UploadService.MAX_FILES + " files");
                            }
                        } catch (UploadException e) {
                            return events.doOnNext(ev -> DataBufferUtils.release(ev.content())).thenMany(Flux.<StoredFile>error(e));
                        }
                        String blobKey = id.toString().substring(0, 2) + "/" + id + "/" + stored.size();
                        long used = stored.stream().mapToLong(StoredFile::size).sum();
                        return intake.store(path, blobKey, events.map(PartEvent::content), limit - used)
                                .doOnNext(stored::add).flux();
                    }
                    if (first.hasValue() && first.get() instanceof FormPartEvent field && stored.isEmpty()
                            && List.of(NAME_FIELD, PIECE_LENGTH_FIELD, FORMAT_FIELD).contains(field.name())
                            && field.value().length() <= MAX_FIELD_BYTES) {
                        fields.put(field.name(), field.value());
                    }
                    return events.doOnNext(e -> DataBufferUtils.release(e.content())).thenMany(Flux.<StoredFile>empty());
                }))
                .onErrorMap(e -> !(e instanceof UploadException),
                        e -> new UploadException("malformed or incomplete multipart upload: " + e.getMessage(), false, e))
                .then(Mono.defer(() -> {
                    if (stored.isEmpty()) {
                        return Mono.error(new UploadException("the request has no part named '" + FILE_PART + "' with a file"));
                    }
                    TorrentOptions options = query.orElse(TorrentOptions.parse(fields.get(PIECE_LENGTH_FIELD), fields.get(FORMAT_FIELD)));
                    String name = queryName != null && !queryName.isBlank() ? queryName : fields.get(NAME_FIELD);
                    return uploads.publish(id, name == null || name.isBlank() ? null : name.strip(), List.copyOf(stored), options);
                }))
                .onErrorResume(e -> intake.discard(List.copyOf(stored)).then(Mono.error(e)));
    }
}
