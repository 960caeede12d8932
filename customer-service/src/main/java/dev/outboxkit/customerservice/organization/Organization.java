package dev.outboxkit.customerservice.organization;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.outboxkit.outbox.Aggregate;

@Entity
@Table(name = "organization")
public class Organization extends Aggregate {

    static final String NAME_UNIQUE_CONSTRAINT = "organization_name_key";

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Organization() {
    }

    static Organization create(String name, Instant now) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        organization.name = name;
        organization.createdAt = now;
        return organization;
    }

    /** @return the previous name, or null when the name did not change. */
    String rename(String newName) {
        if (name.equals(newName)) {
            return null;
        }
        String previous = name;
        name = newName;
        return previous;
    }

    @Override
    protected UUID id() {
        return id;
    }

    public UUID getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
