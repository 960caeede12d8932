package dev.outboxkit.messaging.inbound;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.contracts.EventType;
import dev.outboxkit.messaging.Headers;
import dev.outboxkit.messaging.PoisonMessageException;

/**
 * Turns a record into an {@link InboundEvent}, or declares it poison (straight to the dead-letter topic) when
 * anything a consumer relies on is missing or unknown: the {@code id} and {@code eventType} headers, a type no
 * contract defines, JSON, the schema version this code reads, the sequence, the aggregate id.
 */
@ApplicationScoped
public class EventReader {

    /** The schema version of every contract this code reads; a newer one waits for a deployment that knows it. */
    public static final int SUPPORTED_SCHEMA_VERSION = 1;

    private final ObjectMapper mapper;

    public EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public InboundEvent read(ConsumerRecord<String, String> record) {
        String at = Headers.position(record);
        return read(new InboundEvent.Source(record.topic(), record.key(), record.value()),
                required(Headers.get(record, Headers.EVENT_ID), Headers.EVENT_ID, at),
                required(Headers.get(record, Headers.EVENT_TYPE), Headers.EVENT_TYPE, at), at);
    }

    /** For an event that did not come straight from its topic (a dead letter being redriven). */
    public InboundEvent read(InboundEvent.Source source, String eventId, String eventType) {
        return read(source, required(eventId, Headers.EVENT_ID, source.topic()),
                required(eventType, Headers.EVENT_TYPE, source.topic()), source.topic());
    }

    /** The same checks for replays, which skip what the live consumers dead-lettered: empty when poison. */
    public Optional<InboundEvent> readIfValid(ConsumerRecord<String, String> record) {
        try {
            return Optional.of(read(record));
        } catch (PoisonMessageException e) {
            return Optional.empty();
        }
    }

    /** The payload as a typed record; a payload that does not fit it is poison. */
    public <T> T payload(InboundEvent event, Class<T> type) {
        try {
            return mapper.treeToValue(event.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new PoisonMessageException("Event " + event.id() + " is not a valid " + event.type().wireName() + ": "
                    + e.getMessage(), e);
        }
    }

    private InboundEvent read(InboundEvent.Source source, String idHeader, String typeHeader, String at) {
        UUID id;
        try {
            id = UUID.fromString(idHeader);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("Header 'id' is not a UUID: " + idHeader + " at " + at);
        }
        EventType type = EventType.named(typeHeader).orElseThrow(() -> new PoisonMessageException(
                "Unknown event type '" + typeHeader + "' (event " + id + ") at " + at));
        JsonNode payload;
        try {
            payload = mapper.readTree(source.payload());
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Event " + id + " is not a valid " + typeHeader + ": " + e.getOriginalMessage(), e);
        }
        if (payload == null || !payload.isObject()) {
            throw new PoisonMessageException("Event " + id + " is not a valid " + typeHeader + ": not a JSON object");
        }
        int version = payload.path("schemaVersion").asInt(-1);
        if (version != SUPPORTED_SCHEMA_VERSION) {
            throw new PoisonMessageException("Event " + id + " has schema version " + version + " of " + typeHeader
                    + "; this service reads version " + SUPPORTED_SCHEMA_VERSION);
        }
        JsonNode sequence = payload.path("sequence");
        if (!sequence.canConvertToLong() || !sequence.isIntegralNumber() || sequence.asLong() < 1) {
            throw new PoisonMessageException("Event " + id + " (" + typeHeader + ") has no valid sequence: " + sequence);
        }
        String idField = type.aggregate().idField();
        JsonNode aggregateId = payload.path(idField);
        if (!aggregateId.isTextual() || aggregateId.asText().isBlank()) {
            throw new PoisonMessageException("Event " + id + " (" + typeHeader + ") has no " + idField);
        }
        return new InboundEvent(id, type, aggregateId.asText(), sequence.asLong(), version, payload, source);
    }

    private static String required(String header, String name, String at) {
        if (header == null) {
            throw new PoisonMessageException("Missing header '" + name + "' at " + at);
        }
        return header;
    }
}
