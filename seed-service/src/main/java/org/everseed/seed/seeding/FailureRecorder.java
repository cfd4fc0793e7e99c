package org.everseed.seed.seeding;

import java.time.Instant;
import java.util.UUID;
import org.everseed.bittorrent.id.InfoHash;
import org.everseed.events.EverseedStopped;
import org.everseed.messaging.outbox.Outbox;
import org.everseed.seed.storage.DataProblem;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Records that an everseed stopped because its file went missing or changed: the assignment is
 * marked {@code failed} with the reason and an {@link EverseedStopped} event is put in the outbox, in
 * one transaction (both or neither).
 */
@Component
public class FailureRecorder {
    private final AssignmentRepository assignments;
    private final Outbox outbox;
    private final TransactionalOperator transaction;

    /** Wires the recorder. */
    public FailureRecorder(AssignmentRepository assignments, Outbox outbox, ReactiveTransactionManager transactions) {
        this.assignments = assignments;
        this.outbox = outbox;
        this.transaction = TransactionalOperator.create(transactions);
    }

    /** Marks {@code infoHash} failed for {@code why} and enqueues the event. */
    public Mono<Void> stopped(InfoHash infoHash, DataProblem why) {
        String reason = why.kind() == DataProblem.Kind.MISSING ? EverseedStopped.MISSING : EverseedStopped.CHANGED;
        EverseedStopped event = new EverseedStopped(UUID.randomUUID(), Instant.now(), infoHash.hex(), reason, why.detail());
        return assignments.setState(infoHash, SeedAssignment.FAILED, why.detail())
                .then(outbox.enqueue(event))
                .as(transaction::transactional);
    }
}
