package dev.outboxkit.notificationservice.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.messaging.PoisonMessageException;
import dev.outboxkit.notificationservice.delivery.DeliveryKind;
import dev.outboxkit.notificationservice.delivery.DeliveryLedger;
import dev.outboxkit.notificationservice.delivery.SourceEvent;
import dev.outboxkit.notificationservice.events.CustomerCreated;
import dev.outboxkit.notificationservice.events.CustomerDeactivated;
import dev.outboxkit.notificationservice.events.CustomerUpdated;
import dev.outboxkit.notificationservice.events.InvoiceCreated;
import dev.outboxkit.notificationservice.events.OrganizationChanged;
import dev.outboxkit.notificationservice.inbox.Inbox;
import dev.outboxkit.notificationservice.projection.Projection;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Handles one event at most once: the inbox row, the projection change and the emails it calls for
 * (as ledger entries) commit together. Anything this service cannot read, an unknown type or schema
 * version included, is a poison message: it goes to the dead-letter topic at once, never silently done.
 */
@ApplicationScoped
public class EventHandler {

    static final int SUPPORTED_SCHEMA_VERSION = 1;

    private final Inbox inbox;
    private final Projection projection;
    private final DeliveryLedger ledger;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;

    EventHandler(Inbox inbox, Projection projection, DeliveryLedger ledger, ObjectMapper mapper, MeterRegistry metrics) {
        this.inbox = inbox;
        this.projection = projection;
        this.ledger = ledger;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** @return true when the event was new (and may have scheduled an email), false for a redelivery */
    @Transactional
    public boolean handle(SourceEvent event) {
        JsonNode json = parse(event);
        if (!inbox.receive(event.eventId(), event.type(), event.key(), sequenceOf(json))) {
            Log.debugf("Event %s (%s) was already handled; skipped", event.eventId(), event.type());
            return false;
        }
        switch (event.type()) {
            case CustomerCreated.TYPE -> {
                CustomerCreated created = read(event, json, CustomerCreated.class);
                projection.apply(created);
                ledger.schedule(DeliveryKind.WELCOME, created.customerId(), event);
            }
            case CustomerUpdated.TYPE -> projection.apply(read(event, json, CustomerUpdated.class));
            case CustomerDeactivated.TYPE -> projection.apply(read(event, json, CustomerDeactivated.class));
            case OrganizationChanged.CREATED, OrganizationChanged.RENAMED ->
                    projection.apply(read(event, json, OrganizationChanged.class));
            case InvoiceCreated.TYPE -> {
                InvoiceCreated invoice = read(event, json, InvoiceCreated.class);
                ledger.schedule(DeliveryKind.INVOICE, invoice.customerId(), event);
            }
            case InvoiceCreated.ORDER_CREATED, InvoiceCreated.ORDER_STATUS_CHANGED -> {
                // Known events of the order topic that call for no email: read (so a bad one is still
                // caught) and counted, never silently passed over.
                read(event, json, JsonNode.class);
                metrics.counter("notification.events.ignored", "type", event.type()).increment();
                return true;
            }
            default -> throw new PoisonMessageException("Unknown event type '" + event.type() + "' (event " + event.eventId() + ")");
        }
        return true;
    }

    /** The event's place in its aggregate's history, for the inbox (null when the payload has none). */
    private static Long sequenceOf(JsonNode json) {
        JsonNode sequence = json.path("sequence");
        return sequence.canConvertToLong() ? sequence.asLong() : null;
    }

    private JsonNode parse(SourceEvent event) {
        try {
            return mapper.readTree(event.payload());
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Event " + event.eventId() + " is not a valid " + event.type() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private <T> T read(SourceEvent event, JsonNode json, Class<T> type) {
        int version = json.path("schemaVersion").asInt(-1);
        if (version != SUPPORTED_SCHEMA_VERSION) {
            throw new PoisonMessageException("Event " + event.eventId() + " has schema version " + version + " of "
                    + event.type() + "; this service reads version " + SUPPORTED_SCHEMA_VERSION);
        }
        try {
            return mapper.treeToValue(json, type);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Event " + event.eventId() + " is not a valid " + event.type() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
