package dev.outboxkit.orderservice.invoice;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The invoice of one confirmed order; issued in the confirming transaction, never changed. */
@Entity
@Table(name = "invoice")
public class Invoice {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String number;

    @Column(name = "order_id", nullable = false, unique = true)
    private UUID orderId;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Column(name = "organization_id")
    private UUID organizationId;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    protected Invoice() {
    }

    public static Invoice issue(String number, UUID orderId, UUID customerId, UUID organizationId, BigDecimal amount,
            Instant now) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.number = number;
        invoice.orderId = orderId;
        invoice.customerId = customerId;
        invoice.organizationId = organizationId;
        invoice.amount = amount;
        invoice.issuedAt = now;
        return invoice;
    }

    public UUID getId() {
        return id;
    }

    public String getNumber() {
        return number;
    }

    public UUID getOrderId() {
        return orderId;
    }

    public UUID getCustomerId() {
        return customerId;
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public BigDecimal getAmount() {
        return amount;
    }

    public Instant getIssuedAt() {
        return issuedAt;
    }
}
