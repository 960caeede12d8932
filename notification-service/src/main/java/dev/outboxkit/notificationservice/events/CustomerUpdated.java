package dev.outboxkit.notificationservice.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's reading of src-deploy/contracts/customer/CustomerUpdated.v1.schema.json. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerUpdated(UUID eventId, int schemaVersion, long sequence, Instant occurredAt, UUID customerId,
        String name, String email, UUID organizationId) {

    public static final String TYPE = "CustomerUpdated";
}
