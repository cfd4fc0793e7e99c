package org.everseed.portal.publication;

import java.time.Instant;
import java.util.UUID;
import org.everseed.events.PublicationWithdrawn;
import org.everseed.messaging.outbox.Outbox;
import org.everseed.storage.BlobStorage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Unpublishes: marks the publication WITHDRAWN and writes {@code PublicationWithdrawn} in one
 * transaction (the metafile service then answers 404 for its .torrent, the tracker forgets it, the
 * everseed stops), then deletes its blob, so the file URL answers 404 too. Idempotent.
 */
@Service
public class WithdrawalService {
    private static final Logger log = LoggerFactory.getLogger(WithdrawalService.class);
    private final PublicationRepository publications;
    private final Outbox outbox;
    private final TransactionalOperator tx;
    private final BlobStorage storage;

    /** Wires the withdrawal path. */
    public WithdrawalService(PublicationRepository publications, Outbox outbox, TransactionalOperator tx, BlobStorage storage) {
        this.publications = publications;
        this.outbox = outbox;
        this.tx = tx;
        this.storage = storage;
    }

    /**
     * Withdraws the publication {@code id}.
     *
     * @return true if it exists (withdrawn now or before), false if there is no such publication
     */
    public Mono<Boolean> withdraw(UUID id) {
        return publications.findById(id)
                .flatMap(p -> {
                    Instant now = Instant.now();
                    Mono<Void> markAndTell = publications.markWithdrawn(id, now)
                            .flatMap(changed -> changed == 0 ? Mono.<Void>empty()
                                    : outbox.enqueue(new PublicationWithdrawn(UUID.randomUUID(), now, id, p.infoHash(), p.infoHashV2())))
                            .as(tx::transactional);
                    return markAndTell.then(deleteBlob(p)).thenReturn(true);
                })
                .defaultIfEmpty(false);
    }

    private Mono<Void> deleteBlob(Publication p) {
        return publications.findFiles(p.id()).map(PublicationFile::blobKey).collectList().flatMap(keys -> Mono.<Void>fromCallable(() -> {
            for (String key : keys) {
                storage.delete(key);
            }
            storage.delete(p.blobKey());
            return null;
        }).subscribeOn(Schedulers.boundedElastic()))
                .onErrorResume(e -> {
                    // The row says WITHDRAWN, so the file is never served; a leftover blob only costs disk.
                    log.warn("blob of withdrawn publication {} not deleted: {}", p.id(), e.toString());
                    return Mono.empty();
                });
    }
}
