package dev.outboxkit.customerservice.organization;

import java.time.Instant;
import java.util.UUID;

import dev.outboxkit.contracts.EventType;

/** Contract: src-deploy/contracts/organization/OrganizationCreated.v1.schema.json */
public record OrganizationCreatedEvent(
        UUID eventId,
        int schemaVersion,
        long sequence,
        Instant occurredAt,
        UUID organizationId,
        String name) implements OrganizationEvent {

    public static final String TYPE = EventType.ORGANIZATION_CREATED.wireName();
    public static final int SCHEMA_VERSION = 1;

    static OrganizationCreatedEvent of(Organization organization) {
        return new OrganizationCreatedEvent(UUID.randomUUID(), SCHEMA_VERSION, organization.nextEventSequence(),
                organization.getCreatedAt(), organization.getId(), organization.getName());
    }

    @Override
    public String type() {
        return TYPE;
    }
}
