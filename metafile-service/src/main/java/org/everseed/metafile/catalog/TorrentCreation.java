package org.everseed.metafile.catalog;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.everseed.bittorrent.id.InfoHashV2;
import org.everseed.bittorrent.metainfo.ContentHashes;
import org.everseed.bittorrent.metainfo.ContentLayout;
import org.everseed.bittorrent.metainfo.Metainfo;
import org.everseed.bittorrent.metainfo.MetainfoWriter;
import org.everseed.events.FileUploaded;
import org.everseed.events.TorrentCreated;
import org.everseed.messaging.outbox.Outbox;
import org.everseed.metafile.hashing.ContentHasher;
import org.everseed.storage.BlobStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Turns a {@link FileUploaded} into a stored torrent and a {@link TorrentCreated} event, idempotently: a
 * publication that already has a torrent gets nothing new, and the row and its outbox event are written in one
 * transaction (the unique publication id settles a race between two deliveries). A withdrawn publication gets no
 * torrent. The blobs (one, or one per file of a multi-file publication) are hashed on the hashing threads, never on
 * the caller's, v1 and v2 in one pass.
 */
@Service
public class TorrentCreation {
    private static final Logger log = LoggerFactory.getLogger(TorrentCreation.class);
    private final TorrentCatalog catalog;
    private final MetainfoFactory factory;
    private final PublicLinks links;
    private final BlobStorage storage;
    private final ContentHasher hasher;
    private final Outbox outbox;
    private final TransactionalOperator tx;

    /** Wires the collaborators. */
    public TorrentCreation(TorrentCatalog catalog, MetainfoFactory factory, PublicLinks links, BlobStorage storage,
            ContentHasher hasher, Outbox outbox, TransactionalOperator tx) {
        this.catalog = catalog;
        this.factory = factory;
        this.links = links;
        this.storage = storage;
        this.hasher = hasher;
        this.outbox = outbox;
        this.tx = tx;
    }

    /** What became of an event. */
    public enum Outcome {
        /** A new torrent was stored and its {@code TorrentCreated} queued. */
        CREATED,
        /** The publication already had a torrent; nothing changed. */
        ALREADY_EXISTS,
        /** The publication was withdrawn before its torrent was made; nothing is made. */
        WITHDRAWN
    }

    /**
     * Creates the torrent of {@code event}'s publication unless it exists.
     *
     * @return the outcome; errors with {@link java.nio.file.NoSuchFileException} if the blob is missing,
     *     {@link IllegalStateException} if its size differs from the event's, {@link IllegalArgumentException} if
     *     the event asks for an invalid piece length or an unsafe name
     */
    public Mono<Outcome> create(FileUploaded event) {
        return catalog.isWithdrawn(event.publicationId())
                .flatMap(withdrawn -> withdrawn ? Mono.just(Outcome.WITHDRAWN)
                        : catalog.countByPublicationId(event.publicationId())
                                .flatMap(n -> n > 0 ? Mono.just(Outcome.ALREADY_EXISTS) : hashAndStore(event)));
    }

    private Mono<Outcome> hashAndStore(FileUploaded event) {
        return Mono.fromCallable(() -> build(event))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(built -> catalog.insert(built.record())
                        .flatMap(inserted -> inserted
                                ? outbox.enqueue(built.event()).thenReturn(Outcome.CREATED)
                                : Mono.just(Outcome.ALREADY_EXISTS))
                        .as(tx::transactional))
                .doOnNext(outcome -> log.info("publication {}: {} ({} bytes)", event.publicationId(), outcome, event.size()));
    }

    private Built build(FileUploaded event) throws IOException, InterruptedException {
        ContentLayout layout = factory.layout(event);
        List<String> keys = factory.blobKeys(event, layout);
        for (int i = 0; i < keys.size(); i++) {
            long size = storage.size(keys.get(i));
            if (size != layout.files().get(i).length()) {
                throw new IllegalStateException("blob " + keys.get(i) + " has " + size + " bytes, the event says "
                        + layout.files().get(i).length());
            }
        }
        long size = event.size();
        long started = System.nanoTime();
        ContentHashes hashes;
        List<FileChannel> channels = new ArrayList<>(keys.size());
        try {
            for (String key : keys) {
                channels.add(storage.openRead(key));
            }
            hashes = hasher.hash(layout, channels);
        } finally {
            for (FileChannel channel : channels) {
                channel.close();
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("hashed {} bytes ({}) in {} units of {} in {} ms", size, layout.format().wireName(), layout.unitCount(),
                layout.pieceLength(), millis);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Metainfo metainfo = factory.metainfo(event, hashes, now.truncatedTo(ChronoUnit.SECONDS));
        String magnet = factory.magnet(metainfo).toString();
        TorrentRecord record = new TorrentRecord(event.publicationId(), metainfo.infoHash(), event.name(), size,
                layout.pieceLength(), MetainfoWriter.write(metainfo), magnet, now, metainfo.infoHashV2(),
                layout.format(), event.files() == null ? Optional.of(event.blobKey()) : Optional.empty(), false);
        TorrentCreated created = new TorrentCreated(UUID.randomUUID(), now, event.publicationId(),
                metainfo.infoHash().hex(), event.name(), size, layout.pieceLength(), event.blobKey(),
                links.torrent(metainfo.infoHash()), magnet, metainfo.infoHashV2().map(InfoHashV2::hex).orElse(null),
                event.files());
        return new Built(record, created);
    }

    private record Built(TorrentRecord record, TorrentCreated event) {
    }
}
