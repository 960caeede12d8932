package dev.outboxkit.messaging.directory;

import java.util.UUID;

/** A customer as a consuming service knows it from the customer events; ownerSubject is the user the profile belongs to. */
public record KnownCustomer(UUID customerId, String name, String email, UUID organizationId, boolean active,
        String ownerSubject) {
}
