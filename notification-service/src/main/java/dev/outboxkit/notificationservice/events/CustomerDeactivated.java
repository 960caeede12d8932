package dev.outboxkit.notificationservice.events;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** This service's reading of src-deploy/contracts/customer/CustomerDeactivated.v1.schema.json. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CustomerDeactivated(UUID eventId, int schemaVersion, long sequence, Instant occurredAt, UUID customerId) {

    public static final String TYPE = "CustomerDeactivated";
}
