package dev.outboxkit.orderservice.order;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record CreateOrderRequest(
        @NotBlank @Size(max = 100) String purchaseOrderNumber,
        @NotNull UUID customerId,
        UUID organizationId,
        @NotNull LocalDate deliveryDate,
        @NotEmpty @Size(max = 200) List<@Valid @NotNull Line> lines) {

    public record Line(
            @NotBlank @Size(max = 200) String product,
            @Min(1) @Max(1_000_000) int quantity,
            @NotNull @DecimalMin("0.00") @Digits(integer = 10, fraction = 2) BigDecimal unitPrice) {
    }
}
