package dev.outboxkit.notificationservice.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's reading of src-deploy/contracts/order/InvoiceCreated.v1.schema.json. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvoiceCreated(UUID eventId, int schemaVersion, long sequence, Instant occurredAt, UUID orderId,
        UUID invoiceId, String invoiceNumber, String purchaseOrderNumber, UUID customerId, UUID organizationId,
        BigDecimal amount) {
}
