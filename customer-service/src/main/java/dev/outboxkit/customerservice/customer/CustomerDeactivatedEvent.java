package dev.outboxkit.customerservice.customer;

import java.time.Instant;
import java.util.UUID;

import dev.outboxkit.contracts.EventType;

/** Contract: src-deploy/contracts/customer/CustomerDeactivated.v1.schema.json */
public record CustomerDeactivatedEvent(
        UUID eventId,
        int schemaVersion,
        long sequence,
        Instant occurredAt,
        UUID customerId) implements CustomerEvent {

    public static final String TYPE = EventType.CUSTOMER_DEACTIVATED.wireName();
    public static final int SCHEMA_VERSION = 1;

    static CustomerDeactivatedEvent of(Customer customer) {
        return new CustomerDeactivatedEvent(UUID.randomUUID(), SCHEMA_VERSION, customer.nextEventSequence(),
                customer.getDeactivatedAt(), customer.getId());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
