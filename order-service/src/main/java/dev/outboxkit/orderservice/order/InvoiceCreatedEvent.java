package dev.outboxkit.orderservice.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import dev.outboxkit.contracts.EventType;
import dev.outboxkit.orderservice.invoice.Invoice;

/** Contract: src-deploy/contracts/order/InvoiceCreated.v1.schema.json. Part of its order's story. */
public record InvoiceCreatedEvent(
        UUID eventId,
        int schemaVersion,
        long sequence,
        Instant occurredAt,
        UUID orderId,
        UUID invoiceId,
        String invoiceNumber,
        String purchaseOrderNumber,
        UUID customerId,
        UUID organizationId,
        BigDecimal amount) implements OrderEvent {

    public static final String TYPE = EventType.INVOICE_CREATED.wireName();
    public static final int SCHEMA_VERSION = 1;

    static InvoiceCreatedEvent of(Order order, Invoice invoice) {
        return new InvoiceCreatedEvent(UUID.randomUUID(), SCHEMA_VERSION, order.nextEventSequence(), invoice.getIssuedAt(),
                order.getId(), invoice.getId(), invoice.getNumber(), order.getPurchaseOrderNumber(), invoice.getCustomerId(),
                invoice.getOrganizationId(), invoice.getAmount());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
