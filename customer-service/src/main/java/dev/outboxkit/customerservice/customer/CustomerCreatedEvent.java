package dev.outboxkit.customerservice.customer;

import java.time.Instant;
import java.util.UUID;

import dev.outboxkit.contracts.EventType;

/** Contract: src-deploy/contracts/customer/CustomerCreated.v1.schema.json */
public record CustomerCreatedEvent(
        UUID eventId,
        int schemaVersion,
        long sequence,
        Instant occurredAt,
        UUID customerId,
        String name,
        String email,
        UUID organizationId,
        String ownerSubject) implements CustomerEvent {

    public static final String TYPE = EventType.CUSTOMER_CREATED.wireName();
    public static final int SCHEMA_VERSION = 1;

    static CustomerCreatedEvent of(Customer customer) {
        return new CustomerCreatedEvent(UUID.randomUUID(), SCHEMA_VERSION, customer.nextEventSequence(),
                customer.getCreatedAt(), customer.getId(), customer.getName(), customer.getEmail(),
                customer.getOrganizationId(), customer.getOwnerSubject());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
