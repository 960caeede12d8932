package dev.outboxkit.notificationservice.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.notificationservice.inbox.Inbox;
import dev.outboxkit.notificationservice.welcome.CustomerCreated;
import dev.outboxkit.notificationservice.welcome.WelcomeEmailService;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/** Handles one customer event at most once: the inbox row and the effect commit together. */
@ApplicationScoped
public class CustomerEventHandler {

    private final Inbox inbox;
    private final WelcomeEmailService welcome;
    private final ObjectMapper mapper;
    private final MeterRegistry metrics;

    CustomerEventHandler(Inbox inbox, WelcomeEmailService welcome, ObjectMapper mapper, MeterRegistry metrics) {
        this.inbox = inbox;
        this.welcome = welcome;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    @Transactional
    public void handle(UUID eventId, String type, String payload) {
        if (!inbox.receive(eventId, type)) {
            Log.debugf("Event %s (%s) was already handled; skipped", eventId, type);
            metrics.counter("notification.events.duplicate", "type", type).increment();
            return;
        }
        switch (type) {
            case CustomerCreated.TYPE -> welcome.send(parse(payload, CustomerCreated.class, eventId));
            default -> {
                // Customer events this service has no use for yet; counted, so a surprise is visible.
                Log.debugf("Event %s of type %s needs no notification", eventId, type);
                metrics.counter("notification.events.ignored", "type", type).increment();
            }
        }
    }

    private <T> T parse(String payload, Class<T> type, UUID eventId) {
        try {
            return mapper.readValue(payload, type);
        } catch (JsonProcessingException e) {
            throw new PoisonMessageException("Event " + eventId + " is not a valid " + type.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }
}
