package dev.outboxkit.notificationservice.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * This service's reading of OrganizationCreated and OrganizationRenamed (src-deploy/contracts/organization/):
 * both carry the organization's current name, which is all this service keeps.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrganizationChanged(UUID eventId, int schemaVersion, long sequence, Instant occurredAt,
        UUID organizationId, String name) {

    public static final String CREATED = "OrganizationCreated";
    public static final String RENAMED = "OrganizationRenamed";
}
