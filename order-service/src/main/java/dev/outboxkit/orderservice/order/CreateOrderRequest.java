package dev.outboxkit.orderservice.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateOrderRequest(
        @Schema(example = "PO-2030-0001") @NotBlank @Size(max = 100) String purchaseOrderNumber,
        @Schema(example = "5b0e8c1a-3f4d-4c2e-9a61-2d7f0b9e4c11") @NotNull UUID customerId,
        @Schema(nullable = true, description = "null or absent: the order is the customer's own.") UUID organizationId,
        // Today counts (in the server's time zone): an order for delivery today is still placed.
        @Schema(description = "Today or later.", example = "2030-01-01") @NotNull @FutureOrPresent LocalDate deliveryDate,
        @NotEmpty @Size(max = 200) List<@Valid @NotNull Line> lines) {

    public record Line(
            @Schema(example = "Brass gear") @NotBlank @Size(max = 200) String product,
            @Schema(example = "2") @Min(1) @Max(1_000_000) int quantity,
            @Schema(example = "9.50") @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice) {
    }
}
