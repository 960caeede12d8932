package dev.outboxkit.notificationservice.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import dev.outboxkit.storage.BatchPruner;
import dev.outboxkit.storage.Pruning;
import io.quarkus.scheduler.Scheduled;

/**
 * Keeps the delivery ledger to the retention window ({@code notification.retention.sent-emails}), in batches
 * (storage-support's {@link BatchPruner}):
 * <ul>
 * <li>a sent invoice email's row is deleted: the invoice's own records (order-service) outlive it, and the
 * consumer's dedupe (applied_sequence) does not read the ledger, so a redelivery or a replay of the event still
 * sends nothing;</li>
 * <li>a sent welcome email's row is compacted: it keeps who, when, the status and the counts, and drops the event
 * payload (most of its bytes), so the ledger still answers "did this customer get the welcome email?" (and
 * {@code /deliveries/missing-welcome}) for every customer. One row per customer: bounded like the directory.</li>
 * </ul>
 * Only SENT rows are touched. A PENDING or RETRYING row is the dispatcher's work and a DEAD_LETTERED one an
 * operator's (redrive needs its payload); both keep everything. A row the dispatcher or a redrive holds is skipped.
 */
@ApplicationScoped
public class DeliveryRetention {

    /** Only rows that still carry their event: the same rows as the partial index delivery_sent_retention_idx (V8). */
    private static final String SENT_WITH_PAYLOAD = "status = 'SENT' AND payload <> ''";

    public static final Pruning SENT_INVOICE_EMAILS =
            Pruning.deleting("delivery", "event_id", "sent_at", SENT_WITH_PAYLOAD + " AND kind = 'INVOICE'");

    public static final Pruning SENT_WELCOME_EMAILS = Pruning.compacting("delivery",
            "payload = '', source_key = NULL, last_error = NULL", "event_id", "sent_at", SENT_WITH_PAYLOAD + " AND kind = 'WELCOME'");

    private final BatchPruner pruner;
    private final DeliveryRetentionConfig config;

    DeliveryRetention(BatchPruner pruner, DeliveryRetentionConfig config) {
        this.pruner = pruner;
        this.config = config;
    }

    @Scheduled(identity = "delivery-retention", every = "${notification.retention.pruning-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void pruneSentEmails() {
        pruner.prune(SENT_INVOICE_EMAILS, config.sentEmails());
        pruner.prune(SENT_WELCOME_EMAILS, config.sentEmails());
    }
}
