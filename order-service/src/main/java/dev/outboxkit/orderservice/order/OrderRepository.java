package dev.outboxkit.orderservice.order;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class OrderRepository implements PanacheRepositoryBase<Order, UUID> {

    boolean purchaseOrderExists(UUID customerId, String purchaseOrderNumber) {
        return count("customerId = ?1 and purchaseOrderNumber = ?2", customerId, purchaseOrderNumber) > 0;
    }
}
