package dev.outboxkit.customerservice.customer;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CreateCustomerRequest(
        @Schema(example = "Ada Lovelace") @NotBlank @Size(max = 200) String name,
        @Schema(format = "email", example = "ada@example.com") @NotBlank @Email(regexp = ".+@.+\\..+") @Size(max = 254) String email,
        @Schema(nullable = true, description = "An organization created before; null or absent for none.") UUID organizationId,
        @Schema(nullable = true, description = "Back-office only: the identity provider's user (sub) who owns this "
                + "profile. A customer signing up is the owner.", example = "0ca401c0-0000-4000-8000-000000000003")
        @Size(max = 255) String ownerSubject) {
}
