package dev.outboxkit.orderservice.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.outboxkit.messaging.Headers;
import dev.outboxkit.messaging.Sequential;
import dev.outboxkit.orderservice.history.OrderHistoryProjector;
import io.smallrye.mutiny.Uni;

/**
 * Feeds the read side from order.events, the same stream every other consumer sees: the order history
 * never reads the write tables, so it can be rebuilt from the topic alone.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private final OrderHistoryProjector projector;
    private final EventReader reader;

    OrderEventsConsumer(OrderHistoryProjector projector, EventReader reader) {
        this.projector = projector;
        this.reader = reader;
    }

    @Incoming("order-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Sequential.handle(() -> projector.apply(Headers.get(record, Headers.EVENT_TYPE), reader.read(record),
                record.value()));
    }
}
