package dev.outboxkit.orderservice.shared;

import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.outboxkit.access.Caller;
import dev.outboxkit.messaging.directory.CustomerDirectory;
import dev.outboxkit.messaging.directory.KnownCustomer;
import dev.outboxkit.problem.NotFoundException;

/**
 * Who may read an order, its events and its invoice, and a customer's order history: staff anything, a
 * customer only what belongs to the customer profile they own. Ownership comes from this service's own
 * customer view (fed by the customer events), so the check needs no call to customer-service; an order's customer
 * comes from the write side ({@link OrderOwners}), so an order is readable as soon as it is placed.
 */
@ApplicationScoped
public class OrderReadAccess {

    private final OrderOwners orders;
    private final CustomerDirectory directory;
    private final Caller caller;

    OrderReadAccess(OrderOwners orders, CustomerDirectory directory, Caller caller) {
        this.orders = orders;
        this.directory = directory;
        this.caller = caller;
    }

    @Transactional
    public void requireOrder(UUID orderId) {
        if (caller.readsEveryone()) {
            return;
        }
        Supplier<NotFoundException> notFound = () -> new NotFoundException("Order not found", "No order with id " + orderId + ".");
        UUID customerId = orders.customerOf(orderId).orElseThrow(notFound);
        caller.requireReadable(ownerOf(customerId), notFound);
    }

    @Transactional
    public void requireCustomer(UUID customerId) {
        if (caller.readsEveryone()) {
            return;
        }
        caller.requireReadable(ownerOf(customerId),
                () -> new NotFoundException("Customer not found", "No customer with id " + customerId + "."));
    }

    private String ownerOf(UUID customerId) {
        return directory.customer(customerId).map(KnownCustomer::ownerSubject).orElse(null);
    }
}
