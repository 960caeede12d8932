/**
 * What the write side ({@code order}, {@code invoice}) and the read side ({@code history}) both need, so that
 * neither imports the other: the status vocabulary, who may read an order, and the two ports through which one
 * side's resource reaches the other side's data ({@link OrderOwners}, implemented by the write side;
 * {@link PastOrders}, implemented by the read side). This package imports neither side.
 */
package dev.outboxkit.orderservice.shared;
