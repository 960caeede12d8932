package dev.outboxkit.customerservice.organization;

import java.time.Instant;
import java.util.UUID;

public record OrganizationResponse(UUID id, String name, Instant createdAt, long version) {

    static OrganizationResponse of(Organization organization) {
        return new OrganizationResponse(organization.getId(), organization.getName(), organization.getCreatedAt(),
                organization.getVersion());
    }
}
