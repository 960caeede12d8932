package dev.outboxkit.messaging.inbound;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.outboxkit.messaging.ConsumedEvents;
import dev.outboxkit.messaging.ConsumedEvents.Outcome;
import dev.outboxkit.messaging.DeadLetterTopic;
import dev.outboxkit.messaging.Headers;
import dev.outboxkit.messaging.InPlaceRetry;
import dev.outboxkit.messaging.PoisonMessageException;
import dev.outboxkit.messaging.Sequential;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * What every {@code @Incoming} adapter calls with the records of one poll: the only place that knows records arrive
 * in batches. Each record is read ({@link EventReader}); a poison one goes to the dead-letter topic at once. The
 * rest go to the service's {@link InboundHandler} together, in one transaction, in the order they came (so each
 * partition's, and so each aggregate's, order holds). A transient failure (the database is down) is waited out in
 * place. Any other failure of the batch may be one record's fault: the batch is then applied one record at a time,
 * each in its own transaction with its own retries, and the record that still fails is dead-lettered alone while the
 * others take effect. The adapter's Uni completes, and the batch's offsets may be committed, only after every record
 * is applied, was a duplicate, or is on the dead-letter topic. Outcomes are counted per record
 * ({@link ConsumedEvents}).
 */
@ApplicationScoped
public class InboundEvents {

    private static final System.Logger LOG = System.getLogger(InboundEvents.class.getName());

    private final EventReader reader;
    private final BiConsumer<ConsumerRecord<String, String>, Throwable> deadLetters;
    private final MeterRegistry metrics;

    @Inject
    InboundEvents(EventReader reader, DeadLetterTopic deadLetters, MeterRegistry metrics) {
        this(reader, deadLetters::publish, metrics);
    }

    InboundEvents(EventReader reader, BiConsumer<ConsumerRecord<String, String>, Throwable> deadLetters,
            MeterRegistry metrics) {
        this.reader = reader;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /** Handles the records on a worker thread; the connector hands over the next batch when the Uni completes. */
    public Uni<Void> handle(Iterable<ConsumerRecord<String, String>> records, InboundHandler handler) {
        return Sequential.handle(() -> handleNow(records, handler));
    }

    void handleNow(Iterable<ConsumerRecord<String, String>> records, InboundHandler handler) {
        List<Received> received = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                received.add(new Received(record, reader.read(record)));
            } catch (PoisonMessageException poison) {
                deadLetter(record, poison);
            }
        }
        if (received.size() > 1 && applyTogether(received, handler)) {
            return;
        }
        received.forEach(one -> applyAlone(one, handler));
    }

    /** @return false when the batch failed in a way one of its records may have caused */
    private boolean applyTogether(List<Received> batch, InboundHandler handler) {
        List<InboundEvent> events = batch.stream().map(Received::event).toList();
        List<InboundEvent> applied;
        try {
            applied = InPlaceRetry.TRANSIENT_ONLY.run(() -> handler.handle(events), (failure, attempt, wait) -> {
                batch.forEach(one -> count(one.record(), Outcome.RETRIED));
                LOG.log(System.Logger.Level.WARNING, "Handling a batch of {0} events from {1} failed (attempt {2}); "
                        + "trying again in {3} ms: {4}", batch.size(), Headers.position(batch.get(0).record()), attempt,
                        wait.toMillis(), failure.toString());
            });
        } catch (RuntimeException failure) {
            stopIfInterrupted(failure);
            LOG.log(System.Logger.Level.INFO, "A batch of {0} events from {1} failed ({2}); applying them one at a time",
                    batch.size(), Headers.position(batch.get(0).record()), failure.toString());
            return false;
        }
        Set<InboundEvent> appliedNow = Collections.newSetFromMap(new IdentityHashMap<>());
        appliedNow.addAll(applied);
        batch.forEach(one -> count(one.record(), appliedNow.contains(one.event()) ? Outcome.APPLIED : Outcome.DUPLICATE));
        return true;
    }

    private void applyAlone(Received one, InboundHandler handler) {
        try {
            List<InboundEvent> applied = InPlaceRetry.DEFAULT.run(() -> handler.handle(List.of(one.event())),
                    (failure, attempt, wait) -> {
                        count(one.record(), Outcome.RETRIED);
                        LOG.log(System.Logger.Level.WARNING, "Handling {0} failed (attempt {1}); trying again in {2} ms: {3}",
                                Headers.position(one.record()), attempt, wait.toMillis(), failure.toString());
                    });
            count(one.record(), applied.isEmpty() ? Outcome.DUPLICATE : Outcome.APPLIED);
        } catch (RuntimeException failure) {
            stopIfInterrupted(failure);
            deadLetter(one.record(), failure);
        }
    }

    private void deadLetter(ConsumerRecord<String, String> record, Throwable reason) {
        LOG.log(System.Logger.Level.WARNING, "Dead-lettering {0}: {1}", Headers.position(record), reason.getMessage());
        deadLetters.accept(record, reason);
        count(record, Outcome.DEAD_LETTERED);
    }

    /** Shutting down: the batch stays unacknowledged and is delivered again after the restart, never dead-lettered. */
    private static void stopIfInterrupted(RuntimeException failure) {
        if (Thread.currentThread().isInterrupted()) {
            throw failure;
        }
    }

    private void count(ConsumerRecord<String, String> record, Outcome outcome) {
        ConsumedEvents.count(metrics, record, outcome);
    }

    private record Received(ConsumerRecord<String, String> record, InboundEvent event) {
    }
}
