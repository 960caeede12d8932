package dev.outboxkit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts events into the outbox ({@code outbox_events_emitted_total{type}}) once their transaction has
 * committed: an event whose change rolled back was never emitted.
 */
@ApplicationScoped
class EmittedEvents {

    static final String METRIC = "outbox.events.emitted";

    private final TransactionSynchronizationRegistry transactions;
    private final MeterRegistry metrics;

    EmittedEvents(TransactionSynchronizationRegistry transactions, MeterRegistry metrics) {
        this.transactions = transactions;
        this.metrics = metrics;
    }

    /** Must run inside the transaction that writes the event. */
    void countOnCommit(String type) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    metrics.counter(METRIC, "type", type).increment();
                }
            }
        });
    }
}
