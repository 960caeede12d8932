package dev.outboxkit.customerservice.customer;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The customer's new state; {@code version} is the one the client read, for optimistic locking. */
public record UpdateCustomerRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
        UUID organizationId,
        @NotNull Long version) {
}
