package dev.outboxkit.orderservice.customer;

import java.util.UUID;

/** A customer as this service knows it from the customer events. */
public record KnownCustomer(UUID customerId, String name, String email, UUID organizationId, boolean active) {
}
