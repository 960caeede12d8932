package dev.outboxkit.messaging;

import java.util.Locale;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What became of each consumed record, counted in {@code events_consumed_total{topic, type, outcome}}: {@code applied}
 * (its effect committed), {@code duplicate} (already applied before: a redelivery or replay that changed nothing),
 * {@code retried} (one per failed attempt that is tried again) or {@code dead_lettered} (a poison message, or a
 * failure that outlasted its retries, now on the dead-letter topic). {@code type} is the record's eventType header,
 * {@code none} when it has none.
 */
public final class ConsumedEvents {

    public static final String METRIC = "events.consumed";

    public enum Outcome {
        APPLIED, DUPLICATE, RETRIED, DEAD_LETTERED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private ConsumedEvents() {
    }

    public static void count(MeterRegistry metrics, ConsumerRecord<?, ?> record, Outcome outcome) {
        String type = Headers.get(record, Headers.EVENT_TYPE);
        metrics.counter(METRIC, "topic", record.topic(), "type", type == null ? "none" : type, "outcome", outcome.label())
                .increment();
    }
}
