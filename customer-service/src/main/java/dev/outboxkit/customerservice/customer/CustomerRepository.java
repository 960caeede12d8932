package dev.outboxkit.customerservice.customer;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * The checks ask for the matching ids, not for Panache's {@code count}: Hibernate builds and translates a new count
 * query on every {@code count} call, a fifth of this service's CPU on a signup, while a plain query's translation is
 * cached after its first use (bench/RESULTS.md, "Queries translated once"). The columns are unique, so at most one
 * id comes back.
 */
@ApplicationScoped
class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    boolean emailTaken(String email) {
        return anyWith("select c.id from Customer c where c.email = :value", email);
    }

    boolean hasProfile(String ownerSubject) {
        return anyWith("select c.id from Customer c where c.ownerSubject = :value", ownerSubject);
    }

    private boolean anyWith(String query, String value) {
        return !getEntityManager().createQuery(query, UUID.class).setParameter("value", value).getResultList().isEmpty();
    }
}
