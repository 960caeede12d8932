package dev.outboxkit.notificationservice.projection;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The latest name of an organization as its events told it; written only by {@link Projection}. */
@Entity
@Table(name = "organization_view")
public class OrganizationView {

    @Id
    @Column(name = "organization_id")
    private UUID organizationId;

    private String name;

    @Column(name = "last_sequence")
    private long lastSequence;

    @Column(name = "updated_at")
    private Instant updatedAt;

    protected OrganizationView() {
    }

    public UUID getOrganizationId() {
        return organizationId;
    }

    public String getName() {
        return name;
    }
}
