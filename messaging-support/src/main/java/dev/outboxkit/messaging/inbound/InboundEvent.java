package dev.outboxkit.messaging.inbound;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outboxkit.contracts.AggregateType;
import dev.outboxkit.contracts.EventType;

/**
 * An event as every consumer sees it once {@link EventReader} has checked it: a known type, a supported schema
 * version, and its place in its aggregate's history. {@code source} is the record as it arrived (for dead letters
 * and ledgers that keep the original).
 */
public record InboundEvent(UUID id, EventType type, String aggregateId, long sequence, int schemaVersion,
        JsonNode payload, Source source) {

    /** Where the event came from, unparsed. */
    public record Source(String topic, String key, String payload) {
    }

    public AggregateType aggregate() {
        return type.aggregate();
    }

    @Override
    public String toString() {
        return type.wireName() + " " + id + " (" + aggregate().wireName() + " " + aggregateId + " #" + sequence + ")";
    }
}
