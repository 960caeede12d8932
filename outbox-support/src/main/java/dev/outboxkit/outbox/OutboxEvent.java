package dev.outboxkit.outbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

/**
 * One row of the outbox table (src-deploy/postgres/outbox/V*.sql): a {@link DomainEvent} as the relay reads it from
 * the WAL. The event id has its own column so that the relay can put it into the Kafka {@code id} header: one id from
 * the payload to the dedupe rule of every consumer. The trace context of the change ({@link TraceParent}, null when
 * there is none) goes into {@code traceparent}, which the relay puts into the Kafka header of that name. Column names
 * are shared with the relay's event router (src-deploy/debezium/*-outbox.json).
 * <p>
 * The row is written by {@link EventPublisher}, not by the Debezium Quarkus outbox extension any more. The extension
 * mapped its row as a dynamic-map entity through a generated hbm.xml, which Hibernate parsed on every JVM start: the
 * XML schemas of every mapping format and two JAXB contexts, about 1.2-1.5 s of CPU per start on two cores (measured
 * by removing the mapping from a packaged service; bench/RESULTS.md, "Start-up"). An annotated entity is read from
 * the build-time index like every other entity. The WAL is the same: one INSERT and one DELETE per event.
 * <p>
 * {@link Immutable}: a row is never updated, so Hibernate keeps no snapshot of it for a dirty check. The payload is
 * the JSON text, compared as a string; it is never re-parsed on the way to the database.
 */
@Entity
@Immutable
@Table(name = OutboxEvent.TABLE)
class OutboxEvent {

    static final String TABLE = "outboxevent";

    @Id
    UUID id;

    @Column(name = "eventid", nullable = false)
    UUID eventId;

    @Column(name = "aggregatetype", nullable = false)
    String aggregateType;

    @Column(name = "aggregateid", nullable = false)
    String aggregateId;

    @Column(name = "type", nullable = false)
    String type;

    @Column(name = "timestamp", nullable = false)
    Instant timestamp;

    @Column(name = "payload", columnDefinition = "text")
    String payload;

    @Column(name = TraceParent.COLUMN)
    String traceparent;

    protected OutboxEvent() {
        // for Hibernate
    }

    OutboxEvent(DomainEvent event, String payload, String traceparent) {
        this.id = UUID.randomUUID();
        this.eventId = event.eventId();
        this.aggregateType = event.aggregateType();
        this.aggregateId = event.aggregateId();
        this.type = event.type();
        this.timestamp = event.occurredAt();
        this.payload = payload;
        this.traceparent = traceparent;
    }
}
