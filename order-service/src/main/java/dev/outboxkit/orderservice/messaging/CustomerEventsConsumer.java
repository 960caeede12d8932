package dev.outboxkit.orderservice.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.outboxkit.messaging.ConsumedEvents;
import dev.outboxkit.messaging.Headers;
import dev.outboxkit.orderservice.customer.CustomerDirectory;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@link CustomerDirectory} up to date from customer.events and organization.events, one record at
 * a time per partition. A record is acknowledged after its change committed; what cannot be read goes
 * to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    private final CustomerDirectory directory;
    private final EventReader reader;
    private final MeterRegistry metrics;

    CustomerEventsConsumer(CustomerDirectory directory, EventReader reader, MeterRegistry metrics) {
        this.directory = directory;
        this.reader = reader;
        this.metrics = metrics;
    }

    /** Counted in events_consumed_total: applied, or duplicate when a repeated or stale event changed nothing. */
    @Incoming("customer-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return ConsumedEvents.handle(metrics, record, () -> QuarkusTransaction.requiringNew()
                .call(() -> directory.apply(Headers.get(record, Headers.EVENT_TYPE), reader.read(record))));
    }
}
