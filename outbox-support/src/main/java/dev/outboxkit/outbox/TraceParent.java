package dev.outboxkit.outbox;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;

/**
 * The W3C {@code traceparent} of the span that is current when an event is published
 * ({@code 00-<trace id>-<span id>-<flags>}, 55 characters). It is stored with the event in the outbox's
 * {@code traceparent} column, and the relay copies that column into the Kafka header of the same name, so
 * the consumer's span joins the trace of the request that caused the event. Always W3C, whatever
 * propagators the service is configured with: the column and the header are W3C by contract.
 */
final class TraceParent {

    static final String COLUMN = "traceparent";

    private TraceParent() {
    }

    /** @return the current span's traceparent, or null when no span is current (nothing to carry) */
    static String current() {
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(COLUMN);
    }
}
