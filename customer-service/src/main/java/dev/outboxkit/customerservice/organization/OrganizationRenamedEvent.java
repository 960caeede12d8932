package dev.outboxkit.customerservice.organization;

import java.time.Instant;
import java.util.UUID;

import dev.outboxkit.contracts.EventType;

/** Contract: src-deploy/contracts/organization/OrganizationRenamed.v1.schema.json */
public record OrganizationRenamedEvent(
        UUID eventId,
        int schemaVersion,
        long sequence,
        Instant occurredAt,
        UUID organizationId,
        String name,
        String previousName) implements OrganizationEvent {

    public static final String TYPE = EventType.ORGANIZATION_RENAMED.wireName();
    public static final int SCHEMA_VERSION = 1;

    static OrganizationRenamedEvent of(Organization organization, String previousName, Instant now) {
        return new OrganizationRenamedEvent(UUID.randomUUID(), SCHEMA_VERSION, organization.nextEventSequence(), now,
                organization.getId(), organization.getName(), previousName);
    }

    @Override
    public String type() {
        return TYPE;
    }
}
