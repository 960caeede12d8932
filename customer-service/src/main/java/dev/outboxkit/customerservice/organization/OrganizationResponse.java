package dev.outboxkit.customerservice.organization;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record OrganizationResponse(
        @Schema(example = "9a4c2e70-1b3d-4f5a-8c6e-7d8f9a0b1c2d") UUID id,
        @Schema(example = "Analytical Engines Ltd") String name,
        @Schema(example = "2030-01-01T09:00:00Z") Instant createdAt,
        @Schema(description = "Send it back with a change (optimistic locking).", example = "0") long version) {

    static OrganizationResponse of(Organization organization) {
        return new OrganizationResponse(organization.getId(), organization.getName(), organization.getCreatedAt(),
                organization.getVersion());
    }
}
