package dev.outboxkit.orderservice.messaging;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.messaging.Headers;
import dev.outboxkit.messaging.PoisonMessageException;

/** Reads an event record this service can apply, or says why not (the consumer then dead-letters it). */
@ApplicationScoped
public class EventReader {

    static final int SUPPORTED_SCHEMA_VERSION = 1;

    private final ObjectMapper mapper;

    EventReader(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public JsonNode read(ConsumerRecord<String, String> record) {
        if (Headers.get(record, Headers.EVENT_TYPE) == null) {
            throw new PoisonMessageException("Missing header 'eventType' at " + Headers.position(record));
        }
        JsonNode event;
        try {
            event = mapper.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Not JSON at " + Headers.position(record) + ": " + e.getOriginalMessage(), e);
        }
        int version = event.path("schemaVersion").asInt(-1);
        if (version != SUPPORTED_SCHEMA_VERSION) {
            throw new PoisonMessageException("Schema version " + version + " at " + Headers.position(record)
                    + " is not supported");
        }
        return event;
    }

    /** The same checks for replays, which skip what the live consumers dead-lettered: empty when unreadable. */
    public Optional<JsonNode> readIfValid(ConsumerRecord<String, String> record) {
        try {
            return Optional.of(read(record));
        } catch (PoisonMessageException e) {
            return Optional.empty();
        }
    }
}
