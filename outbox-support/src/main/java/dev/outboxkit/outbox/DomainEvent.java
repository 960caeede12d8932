package dev.outboxkit.outbox;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The payload of an event as consumers see it: a self-describing, versioned record.
 * Implementations are immutable records whose components become the JSON payload; the envelope
 * fields below are the contract every event of this service shares (see src-deploy/contracts/).
 */
public interface DomainEvent {

    /** Unique per event; consumers de-duplicate on it. It is also the Kafka {@code id} header. */
    UUID eventId();

    /** Version of this event type's JSON Schema. */
    int schemaVersion();

    /** 1, 2, 3 … per aggregate instance, so that consumers can drop duplicates and detect gaps. */
    long sequence();

    Instant occurredAt();

    @JsonProperty("type")
    String type();

    /** Routes the event: the relay publishes it to the topic {@code <aggregateType>.events}. */
    @JsonIgnore
    String aggregateType();

    /** The Kafka record key, so that all events of one aggregate land in one partition, in order. */
    @JsonIgnore
    String aggregateId();
}
