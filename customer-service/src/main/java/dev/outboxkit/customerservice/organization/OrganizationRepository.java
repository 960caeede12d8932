package dev.outboxkit.customerservice.organization;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    boolean nameTaken(String name) {
        return count("lower(name) = lower(?1)", name) > 0;
    }
}
