package dev.outboxkit.notificationservice.delivery;

import java.util.UUID;

/** The Kafka record an event arrived in: enough to dead-letter it as it was. */
public record SourceEvent(String topic, String key, UUID eventId, String type, String payload) {
}
