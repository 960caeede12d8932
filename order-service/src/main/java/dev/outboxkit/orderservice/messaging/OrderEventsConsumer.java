package dev.outboxkit.orderservice.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.outboxkit.messaging.ConsumedEvents;
import dev.outboxkit.messaging.Headers;
import dev.outboxkit.orderservice.history.OrderHistoryProjector;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Feeds the read side from order.events, the same stream every other consumer sees: the order history
 * never reads the write tables, so it can be rebuilt from the topic alone.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private final OrderHistoryProjector projector;
    private final EventReader reader;
    private final MeterRegistry metrics;

    OrderEventsConsumer(OrderHistoryProjector projector, EventReader reader, MeterRegistry metrics) {
        this.projector = projector;
        this.reader = reader;
        this.metrics = metrics;
    }

    /** Counted in events_consumed_total: applied, duplicate (already in the history) or dead_lettered. */
    @Incoming("order-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return ConsumedEvents.handle(metrics, record, () -> projector.apply(Headers.get(record, Headers.EVENT_TYPE),
                reader.read(record), record.value()));
    }
}
