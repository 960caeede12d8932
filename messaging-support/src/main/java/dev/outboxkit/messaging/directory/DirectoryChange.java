package dev.outboxkit.messaging.directory;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outboxkit.messaging.PoisonMessageException;
import dev.outboxkit.messaging.inbound.InboundEvent;

/** What one customer or organization event does to the directory, read from its payload. */
sealed interface DirectoryChange {

    /** CustomerCreated and CustomerUpdated both carry the full state. */
    record CustomerState(UUID customerId, String name, String email, UUID organizationId, String ownerSubject,
            long sequence) implements DirectoryChange {
    }

    record CustomerDeactivated(UUID customerId, long sequence) implements DirectoryChange {
    }

    /** OrganizationCreated and OrganizationRenamed both carry the current name. */
    record OrganizationName(UUID organizationId, String name, long sequence) implements DirectoryChange {
    }

    static DirectoryChange of(InboundEvent event) {
        JsonNode payload = event.payload();
        return switch (event.type()) {
            case CUSTOMER_CREATED, CUSTOMER_UPDATED -> new CustomerState(uuid(event, "customerId"), text(event, "name"),
                    text(event, "email"), optionalUuid(event, payload.get("organizationId")),
                    optionalText(payload.get("ownerSubject")), event.sequence());
            case CUSTOMER_DEACTIVATED -> new CustomerDeactivated(uuid(event, "customerId"), event.sequence());
            case ORGANIZATION_CREATED, ORGANIZATION_RENAMED -> new OrganizationName(uuid(event, "organizationId"),
                    text(event, "name"), event.sequence());
            default -> throw new PoisonMessageException(event + " is not a customer or organization event");
        };
    }

    private static String text(InboundEvent event, String field) {
        JsonNode value = event.payload().get(field);
        if (value == null || !value.isTextual()) {
            throw new PoisonMessageException("Event " + event.id() + " is not a valid " + event.type().wireName()
                    + ": no " + field);
        }
        return value.asText();
    }

    private static UUID uuid(InboundEvent event, String field) {
        return parse(event, text(event, field));
    }

    private static UUID optionalUuid(InboundEvent event, JsonNode value) {
        return value == null || value.isNull() ? null : parse(event, value.asText());
    }

    private static String optionalText(JsonNode value) {
        return value == null || value.isNull() ? null : value.asText();
    }

    private static UUID parse(InboundEvent event, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("Event " + event.id() + " is not a valid " + event.type().wireName()
                    + ": " + value + " is not a UUID");
        }
    }
}
