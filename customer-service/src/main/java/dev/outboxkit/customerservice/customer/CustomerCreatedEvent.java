package dev.outboxkit.customerservice.customer;

import java.time.Instant;
import java.util.UUID;

import dev.outboxkit.customerservice.outbox.DomainEvent;

/** Contract: src-deploy/contracts/customer/CustomerCreated.v1.schema.json */
public record CustomerCreatedEvent(
        UUID eventId,
        int schemaVersion,
        long sequence,
        Instant occurredAt,
        UUID customerId,
        String name,
        String email) implements DomainEvent {

    public static final String TYPE = "CustomerCreated";
    public static final int SCHEMA_VERSION = 1;

    static CustomerCreatedEvent of(Customer customer) {
        return new CustomerCreatedEvent(UUID.randomUUID(), SCHEMA_VERSION, customer.nextEventSequence(),
                customer.getCreatedAt(), customer.getId(), customer.getName(), customer.getEmail());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public String aggregateType() {
        return CustomerAggregate.TYPE;
    }

    @Override
    public String aggregateId() {
        return customerId.toString();
    }
}
