package dev.outboxkit.orderservice.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;

import dev.outboxkit.orderservice.shared.OrderStatus;
import dev.outboxkit.outbox.Aggregate;
import dev.outboxkit.problem.ConflictException;

@Entity
@Table(name = "orders")
public class Order extends Aggregate {

    static final String PURCHASE_ORDER_UNIQUE_CONSTRAINT = "orders_customer_po_key";

    @Id
    private UUID id;

    @Column(name = "purchase_order_number", nullable = false)
    private String purchaseOrderNumber;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(name = "organization_id")
    private UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "delivery_date", nullable = false)
    private LocalDate deliveryDate;

    @Column(nullable = false)
    private BigDecimal total;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "order_line", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<OrderLine> lines = new ArrayList<>();

    protected Order() {
    }

    static Order place(String purchaseOrderNumber, UUID customerId, UUID organizationId, LocalDate deliveryDate,
            List<OrderLine> lines, Instant now) {
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.purchaseOrderNumber = purchaseOrderNumber;
        order.customerId = customerId;
        order.organizationId = organizationId;
        order.deliveryDate = deliveryDate;
        order.lines = new ArrayList<>(lines);
        order.total = lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        order.status = OrderStatus.CREATED;
        order.createdAt = now;
        return order;
    }

    /** Moves along the state machine; an illegal move is a conflict with the order's current state. */
    OrderStatus moveTo(OrderStatus target) {
        if (!status.canMoveTo(target)) {
            throw new ConflictException("Illegal status change", "Order " + id + " is " + status + "; it can move to "
                    + (status.next().isEmpty() ? "nothing (final)" : status.next()) + ", not " + target + ".");
        }
        OrderStatus previous = status;
        status = target;
        return previous;
    }

    @Override
    protected UUID id() {
        return id;
    }

    public UUID getId() {
        return id;
    }

    public String getPurchaseOrderNumber() {
        return purchaseOrderNumber;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public LocalDate getDeliveryDate() {
        return deliveryDate;
    }

    public BigDecimal getTotal() {
        return total;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<OrderLine> getLines() {
        return List.copyOf(lines);
    }
}
