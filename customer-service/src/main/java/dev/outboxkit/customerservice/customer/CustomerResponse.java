package dev.outboxkit.customerservice.customer;

import java.time.Instant;
import java.util.UUID;

public record CustomerResponse(UUID id, String name, String email, UUID organizationId, boolean active,
        Instant createdAt, Instant deactivatedAt, String ownerSubject, long version) {

    static CustomerResponse of(Customer customer) {
        return new CustomerResponse(customer.getId(), customer.getName(), customer.getEmail(),
                customer.getOrganizationId(), customer.isActive(), customer.getCreatedAt(), customer.getDeactivatedAt(),
                customer.getOwnerSubject(), customer.getVersion());
    }
}
