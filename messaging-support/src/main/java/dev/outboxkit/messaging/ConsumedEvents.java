package dev.outboxkit.messaging;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Handles a record as {@link Sequential} does, retries a failed attempt in place ({@link InPlaceRetry}),
 * and counts what became of it in {@code events_consumed_total{topic, type, outcome}}: {@code applied}
 * (its effect committed), {@code duplicate} (already applied before: a redelivery or replay that changed
 * nothing), {@code retried} (one per failed attempt that is tried again) or {@code dead_lettered} (a
 * poison message, or a failure that outlasted its retries; the channel's failure strategy sends the
 * record to the dead-letter topic). {@code type} is the record's eventType header, {@code none} when it has none.
 */
public final class ConsumedEvents {

    public static final String METRIC = "events.consumed";

    private static final System.Logger LOG = System.getLogger(ConsumedEvents.class.getName());

    public enum Outcome {
        APPLIED, DUPLICATE, RETRIED, DEAD_LETTERED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private ConsumedEvents() {
    }

    /** @param handler returns true when the record's effect was applied now, false for a duplicate */
    public static Uni<Void> handle(MeterRegistry metrics, ConsumerRecord<?, ?> record, BooleanSupplier handler) {
        AtomicBoolean applied = new AtomicBoolean();
        InPlaceRetry.Listener retrying = (failure, attempt, wait) -> {
            count(metrics, record, Outcome.RETRIED);
            LOG.log(System.Logger.Level.WARNING, "Handling {0} failed (attempt {1}); trying again in {2} ms: {3}",
                    Headers.position(record), attempt, wait.toMillis(), describe(failure));
        };
        return Sequential.handle(() -> applied.set(InPlaceRetry.DEFAULT.run(handler, retrying)))
                .invoke(() -> count(metrics, record, applied.get() ? Outcome.APPLIED : Outcome.DUPLICATE))
                .onFailure().invoke(failure -> count(metrics, record, Outcome.DEAD_LETTERED));
    }

    private static String describe(Throwable failure) {
        Throwable root = Causes.root(failure);
        return root == failure ? String.valueOf(failure) : failure + " caused by " + root;
    }

    public static void count(MeterRegistry metrics, ConsumerRecord<?, ?> record, Outcome outcome) {
        String type = Headers.get(record, Headers.EVENT_TYPE);
        metrics.counter(METRIC, "topic", record.topic(), "type", type == null ? "none" : type, "outcome", outcome.label())
                .increment();
    }
}
