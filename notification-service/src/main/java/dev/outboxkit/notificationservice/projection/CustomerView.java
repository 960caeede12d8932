package dev.outboxkit.notificationservice.projection;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest state of a customer as its events told it; written only by {@link Projection}. */
@Entity
@Table(name = "customer_view")
public class CustomerView {

    @Id
    @Column(name = "customer_id")
    private UUID customerId;

    private String name;

    private String email;

    @Column(name = "organization_id")
    private UUID organizationId;

    private boolean active;

    @Column(name = "last_sequence")
    private long lastSequence;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected CustomerView() {
    }

    public UUID getCustomerId() {
        return customerId;
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

    public long getLastSequence() {
        return lastSequence;
    }
}
