package dev.outboxkit.messaging.inbound;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.outboxkit.storage.TransactionJdbc;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The one dedupe rule of every consumer ({@link AppliedPosition}), kept in the table {@code applied_sequence}: one
 * row per consumer and aggregate, written in the caller's transaction, so an event counts as applied exactly when
 * the caller's effect commits. The row is locked for that transaction: two instances handed the same event during
 * a rebalance apply it once. The next event in sequence, by far the most common, costs one statement
 * ({@link #advanceInOrder}); a duplicate, a gap or a gap being filled costs three. Gaps are logged and counted in {@code events_sequence_gaps_total{consumer, aggregate}}.
 */
@ApplicationScoped
public class AppliedSequences {

    public static final String GAPS_METRIC = "events.sequence.gaps";

    private static final System.Logger LOG = System.getLogger(AppliedSequences.class.getName());

    private final TransactionJdbc jdbc;
    private final MeterRegistry metrics;

    AppliedSequences(TransactionJdbc jdbc, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.metrics = metrics;
    }

    /**
     * Runs {@code effect} for each event, in order, that {@code consumer} has not applied before.
     * @return the events applied now
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<InboundEvent> applyOnce(String consumer, List<InboundEvent> events, Consumer<InboundEvent> effect) {
        List<InboundEvent> appliedNow = new ArrayList<>();
        for (InboundEvent event : events) {
            if (claim(consumer, event)) {
                effect.accept(event);
                appliedNow.add(event);
            } else {
                LOG.log(System.Logger.Level.DEBUG, "{0} was applied before by {1}; skipped", event, consumer);
            }
        }
        return appliedNow;
    }

    /** @return true when the caller is to apply the event now; false when this consumer applied it before */
    private boolean claim(String consumer, InboundEvent event) {
        String aggregate = event.aggregate().wireName();
        if (advanceInOrder(consumer, aggregate, event)) {
            return true;
        }
        jdbc.update("""
                INSERT INTO applied_sequence (consumer, aggregate_type, aggregate_id, last_sequence, missing, gaps, updated_at)
                VALUES (?, ?, ?, 0, '', 0, now())
                ON CONFLICT DO NOTHING""", consumer, aggregate, event.aggregateId());
        AppliedPosition before = jdbc.query("""
                SELECT last_sequence, missing, gaps FROM applied_sequence
                WHERE consumer = ? AND aggregate_type = ? AND aggregate_id = ?
                FOR UPDATE""", row -> AppliedPosition.of(row.getLong(1), row.getString(2), row.getLong(3)),
                consumer, aggregate, event.aggregateId()).get(0);
        AppliedPosition.Step step = before.accept(event.sequence());
        if (!step.verdict().applies()) {
            return false;
        }
        AppliedPosition after = step.after();
        jdbc.update("""
                UPDATE applied_sequence SET last_sequence = ?, missing = ?, gaps = ?, updated_at = now()
                WHERE consumer = ? AND aggregate_type = ? AND aggregate_id = ?""",
                after.lastSequence(), after.missingText(), after.gaps(), consumer, aggregate, event.aggregateId());
        switch (step.verdict()) {
            case AFTER_GAP -> {
                LOG.log(System.Logger.Level.WARNING, "Event gap at {0} for {1} {2}: had sequence {3}, received {4}",
                        consumer, aggregate, event.aggregateId(), before.lastSequence(), event.sequence());
                metrics.counter(GAPS_METRIC, "consumer", consumer, "aggregate", aggregate).increment();
            }
            case FILLS_GAP -> LOG.log(System.Logger.Level.INFO, "{0} fills a gap at {1} (last applied: {2})", event,
                    consumer, before.lastSequence());
            default -> { }
        }
        return true;
    }

    /**
     * The rule's common case, {@link AppliedPosition.Verdict#NEXT}, in one statement instead of three: sequence 1 of an
     * aggregate this consumer has no row for, or the last applied sequence + 1 (the missing sequences and the gap count
     * stay as they are, as the rule says). Anything else (a duplicate, a gap, a gap being filled) finds no row to
     * write and goes the general way. The UPDATE locks the row like the general way's {@code FOR UPDATE}: a second
     * instance handed the same event waits, then finds {@code last_sequence} moved on and writes nothing.
     */
    private boolean advanceInOrder(String consumer, String aggregate, InboundEvent event) {
        if (event.sequence() == 1) {
            return jdbc.update("""
                    INSERT INTO applied_sequence (consumer, aggregate_type, aggregate_id, last_sequence, missing, gaps, updated_at)
                    VALUES (?, ?, ?, 1, '', 0, now())
                    ON CONFLICT DO NOTHING""", consumer, aggregate, event.aggregateId()) == 1;
        }
        return jdbc.update("""
                UPDATE applied_sequence SET last_sequence = ?, updated_at = now()
                WHERE consumer = ? AND aggregate_type = ? AND aggregate_id = ? AND last_sequence = ?""",
                event.sequence(), consumer, aggregate, event.aggregateId(), event.sequence() - 1) == 1;
    }
}
