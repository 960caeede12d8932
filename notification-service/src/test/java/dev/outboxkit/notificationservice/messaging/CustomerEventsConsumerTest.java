package dev.outboxkit.notificationservice.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outboxkit.testkit.Contracts;
import dev.outboxkit.testkit.TopicTail;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Feeds the real customer topic with payloads that pass the contract (and some that do not) and
 * watches the real SMTP server's inbox and the real dead-letter topic.
 */
@QuarkusTest
class CustomerEventsConsumerTest {

    private static final String TOPIC = "customer.events";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @ConfigProperty(name = "mp.messaging.incoming.customer-events.dead-letter-queue.topic")
    String deadLetterTopic;

    @ConfigProperty(name = "test.greenmail.api.url")
    String greenMail;

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newHttpClient();
    private KafkaProducer<String, String> producer;

    @BeforeEach
    void connect() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void customerCreatedSendsOneWelcomeEmailEvenWhenDeliveredTwice() throws Exception {
        String email = unique("linus") + "@example.com";
        ObjectNode event = customerCreated("Linus Torvalds", email);
        assertThat(Contracts.violations("customer", "CustomerCreated", 1, event)).isEmpty();

        send(event.get("customerId").asText(), event.get("eventId").asText(), "CustomerCreated", event.toString());
        send(event.get("customerId").asText(), event.get("eventId").asText(), "CustomerCreated", event.toString());

        await().atMost(TIMEOUT).until(() -> inbox(email).size() == 1);
        JsonNode mail = inbox(email).get(0);
        assertThat(mail.path("subject").asText()).isEqualTo("Welcome, Linus Torvalds!");
        assertThat(mail.path("mimeMessage").asText()).contains("Hello Linus Torvalds").contains(email);
        // The redelivery must not add a second email; the count holds at one.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> inbox(email).size() == 1);
    }

    @Test
    void poisonMessageIsDeadLetteredWithItsReasonAndTheNextEventIsStillHandled() throws Exception {
        String poisonId = UUID.randomUUID().toString();
        String email = unique("after-poison") + "@example.com";
        ObjectNode next = customerCreated("After Poison", email);

        try (TopicTail deadLetters = TopicTail.open(kafka, deadLetterTopic)) {
            String key = next.get("customerId").asText();
            send(key, poisonId, "CustomerCreated", "{this is not json");
            send(key, next.get("eventId").asText(), "CustomerCreated", next.toString());

            var dead = deadLetters.awaitRecord(r -> poisonId.equals(TopicTail.header(r, "id")), TIMEOUT);
            assertThat(dead.value()).isEqualTo("{this is not json");
            assertThat(TopicTail.header(dead, "eventType")).isEqualTo("CustomerCreated");
            assertThat(TopicTail.header(dead, "dead-letter-reason")).contains("not a valid CustomerCreated");
        }
        await().atMost(TIMEOUT).until(() -> inbox(email).size() == 1);
    }

    private ObjectNode customerCreated(String name, String email) {
        ObjectNode event = json.createObjectNode();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("type", "CustomerCreated");
        event.put("schemaVersion", 1);
        event.put("sequence", 1);
        event.put("occurredAt", Instant.now().truncatedTo(ChronoUnit.MICROS).toString());
        event.put("customerId", UUID.randomUUID().toString());
        event.put("name", name);
        event.put("email", email);
        event.putNull("organizationId");
        return event;
    }

    /** Sends a record the way the relay publishes one: key = aggregate id, headers id and eventType. */
    private void send(String key, String eventId, String type, String payload) throws Exception {
        ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, key, payload);
        record.headers().add("id", eventId.getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", type.getBytes(StandardCharsets.UTF_8));
        producer.send(record).get();
    }

    private JsonNode inbox(String address) throws Exception {
        URI uri = URI.create(greenMail + "/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/");
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 ? json.readTree(response.body()) : json.createArrayNode();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
