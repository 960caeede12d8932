package dev.outboxkit.customerservice.customer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.outboxkit.outbox.Aggregate;

@Entity
@Table(name = "customer")
public class Customer extends Aggregate {

    static final String EMAIL_UNIQUE_CONSTRAINT = "customer_email_key";
    static final String OWNER_UNIQUE_CONSTRAINT = "customer_owner_subject_key";

    @Id
    private UUID id;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false, unique = true)
    private String email;

    @Column(name = "organization_id")
    private UUID organizationId;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "deactivated_at")
    private Instant deactivatedAt;

    /** The identity provider's subject of the user this profile belongs to; null for customers without a login. */
    @Column(name = "owner_subject")
    private String ownerSubject;

    protected Customer() {
    }

    static Customer register(String name, String email, UUID organizationId, String ownerSubject, Instant now) {
        Customer customer = new Customer();
        customer.ownerSubject = ownerSubject;
        customer.id = UUID.randomUUID();
        customer.name = name;
        customer.email = email;
        customer.organizationId = organizationId;
        customer.active = true;
        customer.createdAt = now;
        return customer;
    }

    /** Applies the new values and names the fields that actually changed (none: nothing to emit). */
    List<String> update(String newName, String newEmail, UUID newOrganizationId) {
        List<String> changed = new ArrayList<>();
        if (!name.equals(newName)) {
            name = newName;
            changed.add("name");
        }
        if (!email.equals(newEmail)) {
            email = newEmail;
            changed.add("email");
        }
        if (!Objects.equals(organizationId, newOrganizationId)) {
            organizationId = newOrganizationId;
            changed.add("organizationId");
        }
        return changed;
    }

    /** @return false when the customer was already inactive, so that a repeated call emits nothing. */
    boolean deactivate(Instant now) {
        if (!active) {
            return false;
        }
        active = false;
        deactivatedAt = now;
        return true;
    }

    @Override
    protected UUID id() {
        return id;
    }

    public String getOwnerSubject() {
        return ownerSubject;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getEmail() {
        return email;
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeactivatedAt() {
        return deactivatedAt;
    }
}
