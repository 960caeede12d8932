package dev.outboxkit.customerservice.customer;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * No existence checks here: a taken email or a second profile is refused by the unique index at the flush
 * ({@link dev.outboxkit.customerservice.persistence.UniqueConstraints}), which a check before the write could not
 * replace and which saves the sign-up a query (bench/RESULTS.md, "The unique index as the only check").
 */
@ApplicationScoped
class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {
}
