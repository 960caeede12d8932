package dev.outboxkit.messaging.inbound;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.outboxkit.messaging.ConsumedEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * What every {@code @Incoming} adapter calls: reads the record ({@link EventReader}; poison goes to the channel's
 * dead-letter topic), hands it to the service's {@link InboundHandler}, and counts the outcome
 * ({@link ConsumedEvents}). The only place that knows records arrive one at a time.
 */
@ApplicationScoped
public class InboundEvents {

    private final EventReader reader;
    private final MeterRegistry metrics;

    InboundEvents(EventReader reader, MeterRegistry metrics) {
        this.reader = reader;
        this.metrics = metrics;
    }

    public Uni<Void> handle(ConsumerRecord<String, String> record, InboundHandler handler) {
        return ConsumedEvents.handle(metrics, record, () -> !handler.handle(List.of(reader.read(record))).isEmpty());
    }
}
