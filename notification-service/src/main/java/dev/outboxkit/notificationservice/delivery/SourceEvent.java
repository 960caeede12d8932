package dev.outboxkit.notificationservice.delivery;

import java.util.UUID;

import dev.outboxkit.messaging.inbound.InboundEvent;

/** The Kafka record an event arrived in: enough to dead-letter it as it was. */
public record SourceEvent(String topic, String key, UUID eventId, String type, String payload) {

    public static SourceEvent of(InboundEvent event) {
        return new SourceEvent(event.source().topic(), event.source().key(), event.id(), event.type().wireName(),
                event.source().payload());
    }
}
