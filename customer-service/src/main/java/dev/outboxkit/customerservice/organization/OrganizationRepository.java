package dev.outboxkit.customerservice.organization;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Asks for matching ids rather than a count, for the reason {@code CustomerRepository} gives. */
@ApplicationScoped
class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    boolean nameTaken(String name) {
        return !getEntityManager().createQuery("select o.id from Organization o where lower(o.name) = lower(:name)", UUID.class)
                .setParameter("name", name).getResultList().isEmpty();
    }
}
