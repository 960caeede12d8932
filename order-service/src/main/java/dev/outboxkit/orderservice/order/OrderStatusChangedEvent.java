package dev.outboxkit.orderservice.order;

import java.time.Instant;
import java.util.UUID;

import dev.outboxkit.contracts.EventType;
import dev.outboxkit.orderservice.shared.OrderStatus;

/** Contract: src-deploy/contracts/order/OrderStatusChanged.v1.schema.json */
public record OrderStatusChangedEvent(
        UUID eventId,
        int schemaVersion,
        long sequence,
        Instant occurredAt,
        UUID orderId,
        UUID customerId,
        OrderStatus previousStatus,
        OrderStatus status) implements OrderEvent {

    public static final String TYPE = EventType.ORDER_STATUS_CHANGED.wireName();
    public static final int SCHEMA_VERSION = 1;

    static OrderStatusChangedEvent of(Order order, OrderStatus previous, Instant now) {
        return new OrderStatusChangedEvent(UUID.randomUUID(), SCHEMA_VERSION, order.nextEventSequence(), now,
                order.getId(), order.getCustomerId(), previous, order.getStatus());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
