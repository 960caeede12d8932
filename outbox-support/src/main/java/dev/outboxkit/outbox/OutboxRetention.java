package dev.outboxkit.outbox;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.outboxkit.storage.BatchPruner;
import dev.outboxkit.storage.Pruning;
import io.quarkus.scheduler.Scheduled;

/**
 * Bounds the outbox table when its rows are kept ({@code OUTBOX_REMOVE_AFTER_INSERT=false}, so that a relay whose
 * replication slot was lost can re-publish them from a snapshot: docs/operations.md "Slot lost"). Rows older than
 * {@code OUTBOX_RETENTION} are deleted in batches (storage-support's {@link BatchPruner}). Deleting a row does not
 * touch what the relay publishes: it reads each event's INSERT from the WAL, and the event router drops deletes.
 * With the default {@code remove-after-insert=true} the table is empty and a run finds nothing.
 */
@ApplicationScoped
public class OutboxRetention {

    public static final Pruning OLD_EVENTS = Pruning.deleting(EventPublisher.TABLE, "id", "timestamp", "true");

    private final BatchPruner pruner;
    private final Duration retention;

    OutboxRetention(BatchPruner pruner, @ConfigProperty(name = "outbox.retention") Duration retention) {
        this.pruner = pruner;
        this.retention = retention;
    }

    @Scheduled(identity = "outbox-retention", every = "${outbox.pruning-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void pruneOldEvents() {
        pruner.prune(OLD_EVENTS, retention);
    }
}
