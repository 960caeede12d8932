package dev.outboxkit.notificationservice.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.outboxkit.notificationservice.delivery.DeliveryDispatcher;
import dev.outboxkit.notificationservice.delivery.SourceEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Reads the customer and organization topics. A record is acknowledged only after {@link EventHandler}
 * has committed its effect; a failure goes to the channel's failure strategy (the dead-letter topic).
 */
@ApplicationScoped
public class EventConsumer {

    static final String EVENT_ID_HEADER = "id";
    static final String EVENT_TYPE_HEADER = "eventType";

    private final EventHandler handler;
    private final DeliveryDispatcher dispatcher;

    EventConsumer(EventHandler handler, DeliveryDispatcher dispatcher) {
        this.handler = handler;
        this.dispatcher = dispatcher;
    }

    /**
     * The connector hands over the next record only when this Uni has completed, so records are handled
     * one at a time, in partition order. Not {@code @Blocking(ordered = true)}: that runs the handler as
     * a task of the Vert.x context's ordered queue, where Vert.x clients queue blocking work of their
     * own, and the two would wait for each other until the transaction times out.
     */
    @Incoming("domain-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom()
                .item(() -> {
                    if (handler.handle(source(record))) {
                        dispatcher.wakeUp();
                    }
                    return (Void) null;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    static SourceEvent source(ConsumerRecord<String, String> record) {
        String id = header(record, EVENT_ID_HEADER);
        try {
            return new SourceEvent(record.topic(), record.key(), UUID.fromString(id), header(record, EVENT_TYPE_HEADER),
                    record.value());
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("Header 'id' is not a UUID: " + id + " " + position(record));
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new PoisonMessageException("Missing header '" + name + "' " + position(record));
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return "at " + record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
