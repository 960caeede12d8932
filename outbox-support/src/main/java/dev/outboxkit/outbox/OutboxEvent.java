package dev.outboxkit.outbox;

import java.time.Instant;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.debezium.outbox.quarkus.ExportedEvent;

/**
 * Adapts a {@link DomainEvent} to the Debezium outbox extension, which writes it as one row of the
 * outbox table in the caller's transaction. The event id goes into its own column so that the relay
 * can put it into the Kafka {@code id} header: one id from the payload to the inbox of every consumer.
 * Likewise the trace context of the change ({@link TraceParent}, null when there is none) goes into the
 * {@code traceparent} column, which the relay puts into the Kafka {@code traceparent} header.
 */
record OutboxEvent(DomainEvent event, JsonNode payload, String traceparent) implements ExportedEvent<String, JsonNode> {

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
    public JsonNode getPayload() {
        return payload;
    }

    @Override
    public Map<String, Object> getAdditionalFieldValues() {
        return traceparent == null
                ? Map.of(EVENT_ID_COLUMN, event.eventId())
                : Map.of(EVENT_ID_COLUMN, event.eventId(), TraceParent.COLUMN, traceparent);
    }
}
