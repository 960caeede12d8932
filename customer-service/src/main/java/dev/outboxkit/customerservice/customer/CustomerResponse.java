package dev.outboxkit.customerservice.customer;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record CustomerResponse(
        @Schema(example = "5b0e8c1a-3f4d-4c2e-9a61-2d7f0b9e4c11") UUID id,
        @Schema(example = "Ada Lovelace") String name,
        @Schema(format = "email", example = "ada@example.com") String email,
        @Schema(nullable = true) UUID organizationId,
        @Schema(example = "true") boolean active,
        @Schema(example = "2030-01-01T09:30:00Z") Instant createdAt,
        @Schema(nullable = true, description = "When it was deactivated; null while active.") Instant deactivatedAt,
        @Schema(nullable = true, description = "The identity provider's user who owns the profile, if any.") String ownerSubject,
        @Schema(description = "Send it back with a change (optimistic locking).", example = "0") long version) {

    static CustomerResponse of(Customer customer) {
        return new CustomerResponse(customer.getId(), customer.getName(), customer.getEmail(),
                customer.getOrganizationId(), customer.isActive(), customer.getCreatedAt(), customer.getDeactivatedAt(),
                customer.getOwnerSubject(), customer.getVersion());
    }
}
