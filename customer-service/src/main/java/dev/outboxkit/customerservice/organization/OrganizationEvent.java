package dev.outboxkit.customerservice.organization;

import java.util.UUID;

import dev.outboxkit.contracts.AggregateType;
import dev.outboxkit.outbox.DomainEvent;

/** An event about one organization: published to {@code organization.events}, keyed by its id. */
public interface OrganizationEvent extends DomainEvent {

    String AGGREGATE_TYPE = AggregateType.ORGANIZATION.wireName();

    UUID organizationId();

    @Override
    default String aggregateType() {
        return AGGREGATE_TYPE;
    }

    @Override
    default String aggregateId() {
        return organizationId().toString();
    }
}
