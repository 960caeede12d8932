package dev.outboxkit.orderservice.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.outboxkit.contracts.EventType;
import dev.outboxkit.orderservice.shared.OrderStatus;

/** Contract: src-deploy/contracts/order/OrderCreated.v1.schema.json */
public record OrderCreatedEvent(
        UUID eventId,
        int schemaVersion,
        long sequence,
        Instant occurredAt,
        UUID orderId,
        String purchaseOrderNumber,
        UUID customerId,
        UUID organizationId,
        OrderStatus status,
        LocalDate deliveryDate,
        List<Line> lines,
        BigDecimal total) implements OrderEvent {

    public static final String TYPE = EventType.ORDER_CREATED.wireName();
    public static final int SCHEMA_VERSION = 1;

    public record Line(String product, int quantity, BigDecimal unitPrice) {
    }

    static OrderCreatedEvent of(Order order) {
        List<Line> lines = order.getLines().stream()
                .map(l -> new Line(l.getProduct(), l.getQuantity(), l.getUnitPrice()))
                .toList();
        return new OrderCreatedEvent(UUID.randomUUID(), SCHEMA_VERSION, order.nextEventSequence(), order.getCreatedAt(),
                order.getId(), order.getPurchaseOrderNumber(), order.getCustomerId(), order.getOrganizationId(),
                order.getStatus(), order.getDeliveryDate(), lines, order.getTotal());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
