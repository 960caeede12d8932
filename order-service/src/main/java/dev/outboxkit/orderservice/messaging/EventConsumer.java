package dev.outboxkit.orderservice.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.outboxkit.messaging.inbound.InboundEvents;
import io.smallrye.mutiny.Uni;

/**
 * The two streams this service derives state from, each in its own consumer group, one record at a time per
 * partition: customer.events and organization.events (the customer directory), and order.events (the read side,
 * from the same stream every other consumer sees, so the order history never reads the write tables and can be
 * rebuilt from the topic alone). A record is acknowledged after {@link EventHandler} committed its change; poison
 * goes to the dead-letter topic with the reason.
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
    public Uni<Void> consumeCustomerEvents(ConsumerRecord<String, String> record) {
        return inbound.handle(record, handler);
    }

    @Incoming("order-events")
    public Uni<Void> consumeOrderEvents(ConsumerRecord<String, String> record) {
        return inbound.handle(record, handler);
    }
}
