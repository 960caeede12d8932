package dev.outboxkit.orderservice.shared;

import java.util.Optional;
import java.util.UUID;

/**
 * Whose an order is, from the write side's tables: {@link OrderReadAccess} asks it, so that read access does not
 * depend on the write side's repository (which implements it).
 */
public interface OrderOwners {

    /** The customer an order was placed for; empty when there is no such order. */
    Optional<UUID> customerOf(UUID orderId);
}
