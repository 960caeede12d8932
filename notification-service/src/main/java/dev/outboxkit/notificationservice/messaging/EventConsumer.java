package dev.outboxkit.notificationservice.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.outboxkit.messaging.inbound.InboundEvents;
import dev.outboxkit.notificationservice.delivery.DeliveryDispatcher;
import io.smallrye.mutiny.Uni;

/**
 * Reads the customer, organization and order topics in batches. A batch is acknowledged only after {@link EventHandler}
 * has committed its effects; poison and failures that outlast their retries go to the dead-letter topic, alone.
 */
@ApplicationScoped
public class EventConsumer {

    private final InboundEvents inbound;
    private final EventHandler handler;
    private final DeliveryDispatcher dispatcher;

    EventConsumer(InboundEvents inbound, EventHandler handler, DeliveryDispatcher dispatcher) {
        this.inbound = inbound;
        this.handler = handler;
        this.dispatcher = dispatcher;
    }

    /** A poll's records at a time, in partition order; the dispatcher is woken once an effect has committed. */
    @Incoming("domain-events")
    public Uni<Void> consume(ConsumerRecords<String, String> records) {
        return inbound.handle(records, events -> {
            var applied = handler.handle(events);
            if (!applied.isEmpty()) {
                dispatcher.wakeUp();
            }
            return applied;
        });
    }
}
