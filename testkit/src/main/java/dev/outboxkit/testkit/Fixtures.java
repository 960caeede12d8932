package dev.outboxkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;


/**
 * Publishes events to the real topics the way the relay does (key = aggregate id, headers id and
 * eventType, and traceparent when a test gives one). Every well-formed fixture is checked against its contract before it is sent.
 */
public final class Fixtures implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaProducer<String, String> producer;

    public Fixtures(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    public static ObjectNode customerCreated(UUID customerId, String name, String email) {
        ObjectNode event = envelope("CustomerCreated", 1);
        event.put("customerId", customerId.toString());
        event.put("name", name);
        event.put("email", email);
        event.putNull("organizationId");
        return event;
    }

    public static ObjectNode customerUpdated(UUID customerId, long sequence, String name, String email) {
        ObjectNode event = envelope("CustomerUpdated", sequence);
        event.put("customerId", customerId.toString());
        event.putArray("changedFields").add("name");
        event.put("name", name);
        event.put("email", email);
        event.putNull("organizationId");
        return event;
    }

    public static ObjectNode customerDeactivated(UUID customerId, long sequence) {
        ObjectNode event = envelope("CustomerDeactivated", sequence);
        event.put("customerId", customerId.toString());
        return event;
    }

    private static ObjectNode envelope(String type, long sequence) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("schemaVersion", 1);
        event.put("sequence", sequence);
        event.put("occurredAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        event.putObject("actor").put("type", "system").put("subject", "test-fixtures");
        return event;
    }

    public static ObjectNode organizationCreated(UUID organizationId, String name) {
        ObjectNode event = envelope("OrganizationCreated", 1);
        event.put("organizationId", organizationId.toString());
        event.put("name", name);
        return event;
    }

    public static ObjectNode organizationRenamed(UUID organizationId, long sequence, String previousName, String name) {
        ObjectNode event = envelope("OrganizationRenamed", sequence);
        event.put("organizationId", organizationId.toString());
        event.put("name", name);
        event.put("previousName", previousName);
        return event;
    }

    public static ObjectNode invoiceCreated(UUID customerId, UUID organizationId, String invoiceNumber,
            String purchaseOrderNumber, double amount) {
        ObjectNode event = envelope("InvoiceCreated", 3);
        event.put("orderId", UUID.randomUUID().toString());
        event.put("invoiceId", UUID.randomUUID().toString());
        event.put("invoiceNumber", invoiceNumber);
        event.put("purchaseOrderNumber", purchaseOrderNumber);
        event.put("customerId", customerId.toString());
        if (organizationId == null) {
            event.putNull("organizationId");
        } else {
            event.put("organizationId", organizationId.toString());
        }
        event.put("amount", amount);
        return event;
    }

    /**
     * Sends a contract-valid event to its aggregate's topic ({@code customer.events}, {@code organization.events},
     * {@code order.events}), keyed by the aggregate id, as the relay would.
     */
    public void publish(ObjectNode event) {
        publish(event, null);
    }

    /** As {@link #publish(ObjectNode)}, plus the W3C {@code traceparent} header the relay copies from the outbox row. */
    public void publish(ObjectNode event, String traceparent) {
        String type = event.get("type").asText();
        String aggregate = type.startsWith("Customer") ? "customer" : type.startsWith("Organization") ? "organization" : "order";
        assertThat(Contracts.violations(aggregate, type, 1, event)).as("fixture must pass its contract").isEmpty();
        ProducerRecord<String, String> record = record(aggregate + ".events", event.get(aggregate + "Id").asText(),
                event.get("eventId").asText(), type, event.toString());
        if (traceparent != null) {
            record.headers().add("traceparent", traceparent.getBytes(StandardCharsets.UTF_8));
        }
        send(record);
    }

    /** Sends anything, valid or not, with the relay's key and headers. */
    public void send(String topic, String key, String eventId, String type, String payload) {
        send(record(topic, key, eventId, type, payload));
    }

    private static ProducerRecord<String, String> record(String topic, String key, String eventId, String type, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        record.headers().add("id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
