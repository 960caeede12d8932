package dev.outboxkit.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.debezium.outbox.quarkus.ExportedEvent;

/**
 * Writes domain events to the outbox table. It joins the caller's transaction and refuses to run
 * without one: an event written outside the transaction of its change is the dual write this
 * service exists to avoid.
 */
@ApplicationScoped
public class EventPublisher {

    private final Event<ExportedEvent<?, ?>> outbox;
    private final ObjectMapper mapper;

    EventPublisher(Event<ExportedEvent<?, ?>> outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(DomainEvent event) {
        outbox.fire(new OutboxEvent(event, mapper.valueToTree(event)));
    }
}
