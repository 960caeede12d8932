package dev.outboxkit.orderservice.shared;

/**
 * What {@code GET /orders/{id}} answers: the order as it is (the write side's {@code OrderResponse}) or, with
 * {@code asOf}, as it was ({@link OrderAsOf}). One declared type for the one URL (JAX-RS cannot route on a query
 * parameter); the resource method's OpenAPI response names both shapes. Jackson writes the runtime type, so each
 * body is exactly its record's.
 */
public interface OrderView {
}
