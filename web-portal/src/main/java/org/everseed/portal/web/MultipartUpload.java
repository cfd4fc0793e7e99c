package org.everseed.portal.web;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.everseed.portal.config.PortalProperties;
import org.everseed.portal.publication.Publication;
import org.everseed.portal.upload.ArchiveUnpacker;
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
    /** Form field asking to unpack an uploaded archive ({@code true} or {@code on}). */
    public static final String UNPACK_FIELD = "unpack";
    /** Form field with the requested torrent format. */
    public static final String FORMAT_FIELD = "format";
    /** Longest form field value read, in bytes. */
    private static final int MAX_FIELD_BYTES = 256;
    private final BlobIntake intake;
    private final UploadService uploads;
    private final PortalProperties properties;
    private final ArchiveUnpacker unpacker;

    /** Wires the multipart reader. */
    public MultipartUpload(BlobIntake intake, UploadService uploads, PortalProperties properties, ArchiveUnpacker unpacker) {
        this.intake = intake;
        this.uploads = uploads;
        this.properties = properties;
        this.unpacker = unpacker;
    }

    /**
     * Publishes the file parts of {@code parts}.
     *
     * @param query options given in the query string; they win over form fields
     * @param queryName the {@code name} query parameter, or null
     * @param queryUnpack whether the query asks to unpack the one uploaded archive (else the form field decides)
     * @return the publication; errors with {@link UploadException} if there is no file part, a part is
     *     bad, or an option is bad
     */
    public Mono<Publication> publish(Flux<PartEvent> parts, TorrentOptions query, String queryName, boolean queryUnpack) {
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
                            && List.of(NAME_FIELD, PIECE_LENGTH_FIELD, FORMAT_FIELD, UNPACK_FIELD).contains(field.name())
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
                    name = name == null || name.isBlank() ? null : name.strip();
                    boolean unpack = queryUnpack || List.of("true", "on").contains(fields.getOrDefault(UNPACK_FIELD, ""));
                    return unpack ? unpackAndPublish(id, name, stored, options)
                            : uploads.publish(id, name, List.copyOf(stored), options);
                }))
                .onErrorResume(e -> intake.discard(List.copyOf(stored)).then(Mono.error(e)));
    }

    /** Replaces the one uploaded archive in {@code stored} by its files, then publishes them. */
    private Mono<Publication> unpackAndPublish(UUID id, String name, List<StoredFile> stored, TorrentOptions options) {
        if (stored.size() != 1) {
            return Mono.error(new UploadException("unpack takes exactly one archive, got " + stored.size() + " files"));
        }
        StoredFile archive = stored.getFirst();
        String prefix = id.toString().substring(0, 2) + "/" + id + "/x";
        return Mono.fromCallable(() -> unpacker.unpack(archive, prefix, properties.maxUploadSize().toBytes()))
                .subscribeOn(reactor.core.scheduler.Schedulers.boundedElastic())
                .flatMap(files -> {
                    stored.addAll(files);
                    stored.remove(archive);
                    String top = files.getFirst().path().getFirst();
                    boolean shared = files.stream().allMatch(f -> f.path().size() > 1 && f.path().getFirst().equals(top));
                    String publicationName = name != null || shared ? name : ArchiveUnpacker.baseName(archive.path().getLast());
                    return intake.discard(List.of(archive))
                            .then(uploads.publish(id, publicationName, List.copyOf(files), options));
                });
    }
}
