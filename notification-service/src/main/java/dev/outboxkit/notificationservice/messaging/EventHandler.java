package dev.outboxkit.notificationservice.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.outboxkit.messaging.PoisonMessageException;
import dev.outboxkit.messaging.directory.CustomerDirectory;
import dev.outboxkit.messaging.inbound.AppliedSequences;
import dev.outboxkit.messaging.inbound.EventReader;
import dev.outboxkit.messaging.inbound.InboundEvent;
import dev.outboxkit.messaging.inbound.InboundHandler;
import dev.outboxkit.notificationservice.delivery.DeliveryKind;
import dev.outboxkit.notificationservice.delivery.DeliveryLedger;
import dev.outboxkit.notificationservice.delivery.SourceEvent;
import dev.outboxkit.notificationservice.events.InvoiceCreated;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Applies each event at most once: the applied sequence, the directory change and the emails it calls for (as
 * ledger entries) commit together. An event type this service does not handle is a poison message: it goes to the
 * dead-letter topic at once, never silently done.
 */
@ApplicationScoped
public class EventHandler implements InboundHandler {

    /** This service's name in applied_sequence. */
    static final String CONSUMER = "notification-service";

    private final AppliedSequences applied;
    private final CustomerDirectory directory;
    private final DeliveryLedger ledger;
    private final EventReader reader;
    private final MeterRegistry metrics;

    EventHandler(AppliedSequences applied, CustomerDirectory directory, DeliveryLedger ledger, EventReader reader,
            MeterRegistry metrics) {
        this.applied = applied;
        this.directory = directory;
        this.ledger = ledger;
        this.reader = reader;
        this.metrics = metrics;
    }

    @Override
    @Transactional
    public List<InboundEvent> handle(List<InboundEvent> events) {
        return applied.applyOnce(CONSUMER, events, this::apply);
    }

    private void apply(InboundEvent event) {
        switch (event.type()) {
            case CUSTOMER_CREATED -> {
                directory.apply(event);
                ledger.schedule(DeliveryKind.WELCOME, UUID.fromString(event.aggregateId()), SourceEvent.of(event));
            }
            case CUSTOMER_UPDATED, CUSTOMER_DEACTIVATED, ORGANIZATION_CREATED, ORGANIZATION_RENAMED -> directory.apply(event);
            case INVOICE_CREATED -> {
                InvoiceCreated invoice = reader.payload(event, InvoiceCreated.class);
                ledger.schedule(DeliveryKind.INVOICE, invoice.customerId(), SourceEvent.of(event));
            }
            // Known events of an order's story that call for no email: read (so a bad one is still caught) and
            // counted, never silently passed over.
            case ORDER_CREATED, ORDER_STATUS_CHANGED ->
                    metrics.counter("notification.events.ignored", "type", event.type().wireName()).increment();
            default -> throw new PoisonMessageException(event + " is not an event this service handles");
        }
    }
}
