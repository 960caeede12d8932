package dev.outboxkit.notificationservice.support;

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

import dev.outboxkit.testkit.Contracts;

/**
 * Publishes events to the real topics the way the relay does (key = aggregate id, headers id and
 * eventType). Every well-formed fixture is checked against its contract before it is sent.
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

    private static ObjectNode envelope(String type, long sequence) {
        ObjectNode event = JSON.createObjectNode();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", type);
        event.put("schemaVersion", 1);
        event.put("sequence", sequence);
        event.put("occurredAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        return event;
    }

    /** Sends a contract-valid customer event. */
    public void publish(ObjectNode event) {
        String type = event.get("type").asText();
        assertThat(Contracts.violations("customer", type, 1, event)).as("fixture must pass its contract").isEmpty();
        send("customer.events", event.get("customerId").asText(), event.get("eventId").asText(), type, event.toString());
    }

    /** Sends anything, valid or not, with the relay's key and headers. */
    public void send(String topic, String key, String eventId, String type, String payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
        record.headers().add("id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", type.getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
