package dev.outboxkit.orderservice.customer;

import java.util.UUID;

/** A customer as this service knows it from the customer events; ownerSubject is the user the profile belongs to. */
public record KnownCustomer(UUID customerId, String name, String email, UUID organizationId, boolean active,
        String ownerSubject) {
}
