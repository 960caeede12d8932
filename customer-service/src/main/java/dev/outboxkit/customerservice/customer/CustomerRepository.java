package dev.outboxkit.customerservice.customer;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    boolean emailTaken(String email) {
        return count("email", email) > 0;
    }
}
