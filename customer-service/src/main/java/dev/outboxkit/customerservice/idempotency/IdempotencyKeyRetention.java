package dev.outboxkit.customerservice.idempotency;

import jakarta.enterprise.context.ApplicationScoped;

import dev.outboxkit.storage.BatchPruner;
import dev.outboxkit.storage.Pruning;
import io.quarkus.scheduler.Scheduled;

/**
 * Removes expired idempotency keys, oldest first, in batches (storage-support's {@link BatchPruner}). A key that a
 * request holds (its first attempt still running, or a retry replaying it) is locked and skipped; once expired,
 * a key means nothing to {@link IdempotentRequests} anyway, so removing it changes no answer.
 */
@ApplicationScoped
public class IdempotencyKeyRetention {

    public static final Pruning EXPIRED_KEYS =
            Pruning.deleting("idempotent_request", "scope, idempotency_key", "created_at", "true");

    private final BatchPruner pruner;
    private final IdempotencyConfig config;

    IdempotencyKeyRetention(BatchPruner pruner, IdempotencyConfig config) {
        this.pruner = pruner;
        this.config = config;
    }

    @Scheduled(identity = "idempotency-key-retention", every = "${idempotency.pruning-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void pruneExpiredKeys() {
        pruner.prune(EXPIRED_KEYS, config.keyRetention());
    }
}
