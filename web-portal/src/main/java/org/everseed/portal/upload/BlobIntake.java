package org.everseed.portal.upload;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.everseed.storage.BlobStorage;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Streams one file from the request into a new blob while computing its SHA-256, on the
 * bounded-elastic scheduler (never whole in memory, never on the event loop). A failed or cut-off
 * stream leaves no blob: the writer's temporary file is removed before the error goes on.
 */
@Component
public class BlobIntake {
    /** Buffers queued between the network and the disk writer. */
    private static final int WRITE_QUEUE = 16;
    private final BlobStorage storage;

    /** @param storage where blobs go */
    public BlobIntake(BlobStorage storage) {
        this.storage = storage;
    }

    /**
     * Stores {@code content} under {@code blobKey}.
     *
     * @param path the file's checked path components
     * @param maxBytes most bytes accepted; more gives {@link UploadException} (too large)
     * @return the committed file; errors with {@link UploadException} for an empty, oversized or broken stream
     */
    public Mono<StoredFile> store(List<String> path, String blobKey, Flux<DataBuffer> content, long maxBytes) {
        Mono<StreamingBlob.Stored> stored = Mono.usingWhen(
                Mono.fromCallable(() -> new StreamingBlob(storage.create(blobKey), maxBytes))
                        .subscribeOn(Schedulers.boundedElastic()),
                blob -> content.publishOn(Schedulers.boundedElastic(), WRITE_QUEUE)
                        .doOnNext(buffer -> {
                            try {
                                blob.write(buffer);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            } finally {
                                DataBufferUtils.release(buffer);
                            }
                        })
                        .then(Mono.fromCallable(blob::commit)),
                blob -> Mono.fromRunnable(blob::close).subscribeOn(Schedulers.boundedElastic()));
        return stored
                .onErrorMap(e -> !(e instanceof UploadException),
                        e -> new UploadException("upload incomplete: " + e.getMessage(), false, e))
                .map(s -> new StoredFile(path, blobKey, s.size(), s.sha256()));
    }

    /** Deletes the blobs of {@code files}, best effort, off the event loop. */
    public Mono<Void> discard(List<StoredFile> files) {
        return Mono.<Void>fromRunnable(() -> {
            for (StoredFile f : files) {
                try {
                    storage.delete(f.blobKey());
                } catch (IOException e) {
                    // Best effort: an orphan blob is never served, since no row points at it.
                }
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
