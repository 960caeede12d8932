package dev.outboxkit.outbox;

import java.time.Instant;
import java.util.Map;


import io.debezium.outbox.quarkus.ExportedEvent;

/**
 * Adapts a {@link DomainEvent} to the Debezium outbox extension, which writes it as one row of the
 * outbox table in the caller's transaction. The event id goes into its own column so that the relay
 * can put it into the Kafka {@code id} header: one id from the payload to the inbox of every consumer.
 * Likewise the trace context of the change ({@link TraceParent}, null when there is none) goes into the
 * {@code traceparent} column, which the relay puts into the Kafka {@code traceparent} header.
 * <p>
 * The payload is the JSON text, not a {@code JsonNode}: for a {@code JsonNode} the extension maps the column through
 * a converter, and Hibernate's dirty check compares the tree with its own round trip through that text, which is
 * never equal (a {@code long} comes back as an {@code int} node). Every outbox row was then written as INSERT,
 * UPDATE with the same values, DELETE: a second copy of the row in the WAL, decoded by the relay and logged by its
 * event router as "Unexpected update message received". A string compares equal to itself.
 */
record OutboxEvent(DomainEvent event, String payload, String traceparent) implements ExportedEvent<String, String> {

    static final String EVENT_ID_COLUMN = "eventid";

    @Override
    public String getAggregateId() {
        return event.aggregateId();
    }

    @Override
    public String getAggregateType() {
        return event.aggregateType();
    }

    @Override
    public String getType() {
        return event.type();
    }

    @Override
    public Instant getTimestamp() {
        return event.occurredAt();
    }

    @Override
    public String getPayload() {
        return payload;
    }

    @Override
    public Map<String, Object> getAdditionalFieldValues() {
        return traceparent == null
                ? Map.of(EVENT_ID_COLUMN, event.eventId())
                : Map.of(EVENT_ID_COLUMN, event.eventId(), TraceParent.COLUMN, traceparent);
    }
}
