package dev.outboxkit.outbox;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outboxkit.outbox.relay.RelaySlotGate;
import dev.outboxkit.storage.TransactionJdbc;

/**
 * Writes domain events to the outbox table. It joins the caller's transaction and refuses to run
 * without one: an event written outside the transaction of its change is the dual write this
 * service exists to avoid. Each row is deleted again in the same transaction unless
 * {@code OUTBOX_REMOVE_AFTER_INSERT=false}: the relay reads the INSERT from the WAL, so the table stays
 * empty ({@link OutboxRetention} bounds it when rows are kept). Each payload also names its {@link Actor},
 * so consumers can tell who changed what, and each event carries the current trace context
 * ({@link TraceParent}), so their spans join the caller's trace.
 * <p>
 * The row is written in plain JDBC on the transaction's connection, the INSERT and its DELETE in one round trip, when
 * {@code publish} is called: an entity written only to be deleted again cost the persistence context's bookkeeping
 * of both and a statement each at the commit's flush (bench/RESULTS.md, "The outbox row in plain JDBC"). The WAL
 * holds the same INSERT and DELETE as before, in the same transaction, so the relay reads the same row.
 */
@ApplicationScoped
public class EventPublisher {

    /** The table's definition: src-deploy/postgres/outbox (its columns are named there and in the relay's settings). */
    static final String TABLE = "outboxevent";
    private static final String INSERT = "INSERT INTO " + TABLE
            + " (id, eventid, aggregatetype, aggregateid, type, timestamp, payload, " + TraceParent.COLUMN + ")"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    /** Two statements, one round trip: the driver sends both before it waits for an answer. */
    private static final String INSERT_THEN_DELETE = INSERT + ";\nDELETE FROM " + TABLE + " WHERE id = ?";

    private final TransactionJdbc outbox;
    private final boolean removeAfterInsert;
    private final ObjectMapper mapper;
    private final ActorSource actors;
    private final EmittedEvents emitted;
    private final RelaySlotGate relay;

    EventPublisher(TransactionJdbc outbox, @ConfigProperty(name = "outbox.remove-after-insert") boolean removeAfterInsert,
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
        UUID id = UUID.randomUUID();
        String json = json(payload);
        String traceparent = TraceParent.current();
        if (removeAfterInsert) {
            outbox.update(INSERT_THEN_DELETE, id, event.eventId(), event.aggregateType(), event.aggregateId(), event.type(),
                    event.occurredAt(), json, traceparent, id);
        } else {
            outbox.update(INSERT, id, event.eventId(), event.aggregateType(), event.aggregateId(), event.type(),
                    event.occurredAt(), json, traceparent);
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
