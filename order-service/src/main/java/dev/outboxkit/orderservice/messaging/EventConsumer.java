package dev.outboxkit.orderservice.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.outboxkit.messaging.inbound.InboundEvents;
import io.smallrye.mutiny.Uni;

/**
 * The two streams this service derives state from, each in its own consumer group, in batches, in partition
 * order: customer.events and organization.events (the customer directory), and order.events (the read side,
 * from the same stream every other consumer sees, so the order history never reads the write tables and can be
 * rebuilt from the topic alone). A batch is acknowledged after {@link EventHandler} committed its changes; poison
 * goes to the dead-letter topic alone, with the reason.
 */
@ApplicationScoped
public class EventConsumer {

    private final InboundEvents inbound;
    private final EventHandler handler;

    EventConsumer(InboundEvents inbound, EventHandler handler) {
        this.inbound = inbound;
        this.handler = handler;
    }

    @Incoming("customer-events")
    public Uni<Void> consumeCustomerEvents(ConsumerRecords<String, String> records) {
        return inbound.handle(records, handler);
    }

    @Incoming("order-events")
    public Uni<Void> consumeOrderEvents(ConsumerRecords<String, String> records) {
        return inbound.handle(records, handler);
    }
}
