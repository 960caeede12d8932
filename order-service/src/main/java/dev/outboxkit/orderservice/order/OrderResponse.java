package dev.outboxkit.orderservice.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public record OrderResponse(UUID id, String purchaseOrderNumber, UUID customerId, UUID organizationId, OrderStatus status,
        LocalDate deliveryDate, List<Line> lines, BigDecimal total, Instant createdAt, long version) {

    public record Line(String product, int quantity, BigDecimal unitPrice) {
    }

    static OrderResponse of(Order order) {
        return new OrderResponse(order.getId(), order.getPurchaseOrderNumber(), order.getCustomerId(),
                order.getOrganizationId(), order.getStatus(), order.getDeliveryDate(),
                order.getLines().stream().map(l -> new Line(l.getProduct(), l.getQuantity(), l.getUnitPrice())).toList(),
                order.getTotal(), order.getCreatedAt(), order.getVersion());
    }
}
