package dev.outboxkit.orderservice.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * An order as it was at an instant, rebuilt by the read side from its events: {@code GET /orders/{id}?asOf=} is the
 * write side's URL, so its resource asks this port (implemented by the read side) instead of importing it.
 */
public interface PastOrders {

    /** The order's state at {@code asOf}; a 404 problem when the order did not exist then. */
    OrderAsOf asOf(UUID orderId, Instant asOf);
}
