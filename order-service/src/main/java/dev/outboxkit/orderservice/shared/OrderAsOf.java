package dev.outboxkit.orderservice.shared;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An order as it was at {@code asOf}, rebuilt from its events up to then (the read side's answer). */
public record OrderAsOf(UUID orderId, Instant asOf, String purchaseOrderNumber, UUID customerId, String status,
        LocalDate deliveryDate, BigDecimal total,
        @Schema(nullable = true, description = "null until the order was confirmed.") String invoiceNumber, long sequence,
        @Schema(type = SchemaType.ARRAY, implementation = OrderAsOf.Line.class,
                description = "The lines as OrderCreated carried them.") JsonNode lines) implements OrderView {

    /** Only for the document: {@code lines} is passed on as the event carried it, so it reads as the event wrote it. */
    @Schema(name = "OrderLineAsOf")
    public record Line(@Schema(example = "Brass gear") String product, @Schema(example = "2") int quantity,
            @Schema(example = "9.50") BigDecimal unitPrice) {
    }
}
