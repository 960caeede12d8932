package dev.outboxkit.orderservice.order;

import java.util.UUID;

import dev.outboxkit.contracts.AggregateType;
import dev.outboxkit.outbox.DomainEvent;

/**
 * An event about one order, its invoice included: published to {@code order.events}, keyed by the order
 * id, numbered by one sequence per order, so a consumer sees one order's whole story in order.
 */
public interface OrderEvent extends DomainEvent {

    String AGGREGATE_TYPE = AggregateType.ORDER.wireName();

    UUID orderId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default String aggregateId() {
        return orderId().toString();
    }
}
