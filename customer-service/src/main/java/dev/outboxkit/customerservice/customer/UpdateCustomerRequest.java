package dev.outboxkit.customerservice.customer;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The customer's new state; {@code version} is the one the client read, for optimistic locking. */
public record UpdateCustomerRequest(
        @Schema(example = "Ada King") @NotBlank @Size(max = 200) String name,
        @Schema(format = "email", example = "ada.king@example.com") @NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
        @Schema(nullable = true, description = "null or absent: no organization.") UUID organizationId,
        @Schema(description = "The version the change is based on, as read.", example = "0") @NotNull Long version) {
}
