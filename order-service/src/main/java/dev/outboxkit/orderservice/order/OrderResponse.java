package dev.outboxkit.orderservice.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.outboxkit.orderservice.shared.OrderStatus;
import dev.outboxkit.orderservice.shared.OrderView;

public record OrderResponse(UUID id, @Schema(example = "PO-2030-0001") String purchaseOrderNumber, UUID customerId,
        @Schema(nullable = true) UUID organizationId, OrderStatus status, LocalDate deliveryDate, List<Line> lines,
        @Schema(example = "19.00") BigDecimal total, Instant createdAt, @Schema(example = "0") long version)
        implements OrderView {

    public record Line(@Schema(example = "Brass gear") String product, @Schema(example = "2") int quantity,
            @Schema(example = "9.50") BigDecimal unitPrice) {
    }

    static OrderResponse of(Order order) {
        return new OrderResponse(order.getId(), order.getPurchaseOrderNumber(), order.getCustomerId(),
                order.getOrganizationId(), order.getStatus(), order.getDeliveryDate(),
                order.getLines().stream().map(l -> new Line(l.getProduct(), l.getQuantity(), l.getUnitPrice())).toList(),
                order.getTotal(), order.getCreatedAt(), order.getVersion());
    }
}
