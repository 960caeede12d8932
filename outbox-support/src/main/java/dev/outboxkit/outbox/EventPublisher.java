package dev.outboxkit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outboxkit.outbox.relay.RelaySlotGate;

/**
 * Writes domain events to the outbox table. It joins the caller's transaction and refuses to run
 * without one: an event written outside the transaction of its change is the dual write this
 * service exists to avoid. Each row is deleted again in the same transaction unless
 * {@code OUTBOX_REMOVE_AFTER_INSERT=false}: the relay reads the INSERT from the WAL, so the table stays
 * empty ({@link OutboxRetention} bounds it when rows are kept). Each payload also names its {@link Actor},
 * so consumers can tell who changed what, and each event carries the current trace context
 * ({@link TraceParent}), so their spans join the caller's trace.
 */
@ApplicationScoped
public class EventPublisher {

    private final EntityManager outbox;
    private final boolean removeAfterInsert;
    private final ObjectMapper mapper;
    private final ActorSource actors;
    private final EmittedEvents emitted;
    private final RelaySlotGate relay;

    EventPublisher(EntityManager outbox, @ConfigProperty(name = "outbox.remove-after-insert") boolean removeAfterInsert,
            ObjectMapper mapper, ActorSource actors, EmittedEvents emitted, RelaySlotGate relay) {
        this.outbox = outbox;
        this.removeAfterInsert = removeAfterInsert;
        this.mapper = mapper;
        this.actors = actors;
        this.emitted = emitted;
        this.relay = relay;
    }

    /** Throws {@link dev.outboxkit.outbox.relay.RelayNotCapturingException} (and so rolls the change back) while the relay could not read it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(DomainEvent event) {
        relay.requireOpen();
        ObjectNode payload = mapper.valueToTree(event);
        payload.set("actor", mapper.valueToTree(actors.current()));
        OutboxEvent row = new OutboxEvent(event, json(payload), TraceParent.current());
        // Both statements reach the database at the flush, INSERT before DELETE, so the WAL holds the row.
        outbox.persist(row);
        if (removeAfterInsert) {
            outbox.remove(row);
        }
        emitted.countOnCommit(event.type());
    }

    private String json(ObjectNode payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            // A tree built by valueToTree always serialises; this would be a bug, and it rolls the change back.
            throw new IllegalStateException("Cannot write the payload of an event as JSON", e);
        }
    }
}
