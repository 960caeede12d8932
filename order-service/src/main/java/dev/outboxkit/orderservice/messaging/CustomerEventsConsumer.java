package dev.outboxkit.orderservice.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.orderservice.customer.CustomerDirectory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Keeps {@link CustomerDirectory} up to date from customer.events and organization.events, one record at
 * a time per partition. A record is acknowledged after its change committed; what cannot be read goes
 * to the dead-letter topic with the reason.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    private static final int SUPPORTED_SCHEMA_VERSION = 1;

    private final CustomerDirectory directory;
    private final ObjectMapper mapper;

    CustomerEventsConsumer(CustomerDirectory directory, ObjectMapper mapper) {
        this.directory = directory;
        this.mapper = mapper;
    }

    @Incoming("customer-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom()
                .item(() -> {
                    apply(type(record), read(record));
                    return (Void) null;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private void apply(String type, JsonNode event) {
        QuarkusTransaction.requiringNew().run(() -> directory.apply(type, event));
    }

    private JsonNode read(ConsumerRecord<String, String> record) {
        try {
            JsonNode event = mapper.readTree(record.value());
            int version = event.path("schemaVersion").asInt(-1);
            if (version != SUPPORTED_SCHEMA_VERSION) {
                throw new IllegalArgumentException("Schema version " + version + " is not supported");
            }
            return event;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String type(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader("eventType");
        if (header == null) {
            throw new IllegalArgumentException("Missing header 'eventType'");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
