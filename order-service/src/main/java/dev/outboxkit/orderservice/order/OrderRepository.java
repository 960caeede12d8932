package dev.outboxkit.orderservice.order;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.outboxkit.orderservice.shared.OrderOwners;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class OrderRepository implements PanacheRepositoryBase<Order, UUID>, OrderOwners {

    boolean purchaseOrderExists(UUID customerId, String purchaseOrderNumber) {
        return count("customerId = ?1 and purchaseOrderNumber = ?2", customerId, purchaseOrderNumber) > 0;
    }

    @Override
    public Optional<UUID> customerOf(UUID orderId) {
        return findByIdOptional(orderId).map(Order::getCustomerId);
    }
}
