package dev.outboxkit.notificationservice.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.outboxkit.messaging.ConsumedEvents;
import dev.outboxkit.messaging.Headers;
import dev.outboxkit.messaging.PoisonMessageException;
import dev.outboxkit.notificationservice.delivery.DeliveryDispatcher;
import dev.outboxkit.notificationservice.delivery.SourceEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Reads the customer and organization topics. A record is acknowledged only after {@link EventHandler}
 * has committed its effect; a failure goes to the channel's failure strategy (the dead-letter topic).
 */
@ApplicationScoped
public class EventConsumer {

    private final EventHandler handler;
    private final DeliveryDispatcher dispatcher;
    private final MeterRegistry metrics;

    EventConsumer(EventHandler handler, DeliveryDispatcher dispatcher, MeterRegistry metrics) {
        this.handler = handler;
        this.dispatcher = dispatcher;
        this.metrics = metrics;
    }

    /**
     * One record at a time, in partition order; the dispatcher is woken once the effect has committed.
     * Counted in events_consumed_total (applied, duplicate or dead_lettered).
     */
    @Incoming("domain-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return ConsumedEvents.handle(metrics, record, () -> {
            boolean applied = handler.handle(source(record));
            if (applied) {
                dispatcher.wakeUp();
            }
            return applied;
        });
    }

    static SourceEvent source(ConsumerRecord<String, String> record) {
        String id = header(record, Headers.EVENT_ID);
        try {
            return new SourceEvent(record.topic(), record.key(), UUID.fromString(id), header(record, Headers.EVENT_TYPE),
                    record.value());
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("Header 'id' is not a UUID: " + id + " at " + Headers.position(record));
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        String value = Headers.get(record, name);
        if (value == null) {
            throw new PoisonMessageException("Missing header '" + name + "' at " + Headers.position(record));
        }
        return value;
    }
}
