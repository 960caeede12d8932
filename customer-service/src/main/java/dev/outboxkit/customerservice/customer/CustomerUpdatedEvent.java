package dev.outboxkit.customerservice.customer;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.outboxkit.contracts.EventType;

/**
 * Contract: src-deploy/contracts/customer/CustomerUpdated.v1.schema.json. Names the changed fields and
 * carries the customer's full state after the change, so a consumer's projection is one upsert.
 */
public record CustomerUpdatedEvent(
        UUID eventId,
        int schemaVersion,
        long sequence,
        Instant occurredAt,
        UUID customerId,
        List<String> changedFields,
        String name,
        String email,
        UUID organizationId,
        String ownerSubject) implements CustomerEvent {

    public static final String TYPE = EventType.CUSTOMER_UPDATED.wireName();
    public static final int SCHEMA_VERSION = 1;

    static CustomerUpdatedEvent of(Customer customer, List<String> changedFields, Instant now) {
        return new CustomerUpdatedEvent(UUID.randomUUID(), SCHEMA_VERSION, customer.nextEventSequence(), now,
                customer.getId(), List.copyOf(changedFields), customer.getName(), customer.getEmail(),
                customer.getOrganizationId(), customer.getOwnerSubject());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
