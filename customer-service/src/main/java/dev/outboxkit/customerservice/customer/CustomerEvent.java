package dev.outboxkit.customerservice.customer;

import java.util.UUID;

import dev.outboxkit.contracts.AggregateType;
import dev.outboxkit.outbox.DomainEvent;

/** An event about one customer: published to {@code customer.events}, keyed by the customer id. */
public interface CustomerEvent extends DomainEvent {

    String AGGREGATE_TYPE = AggregateType.CUSTOMER.wireName();

    UUID customerId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default String aggregateId() {
        return customerId().toString();
    }
}
