package dev.outboxkit.notificationservice.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outboxkit.testkit.Fixtures;
import dev.outboxkit.notificationservice.support.StackTest;
import dev.outboxkit.testkit.Metrics;
import dev.outboxkit.testkit.TopicTail;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Feeds the real customer topic with payloads that pass the contract (and some that do not) and
 * watches the real SMTP server's inboxes, the ledger and the real dead-letter topic.
 */
@QuarkusTest
class EventConsumerTest extends StackTest {

    @Inject
    DataSource db;

    @Test
    void customerCreatedSendsOneWelcomeEmailEvenWhenDeliveredTwice() {
        UUID customerId = UUID.randomUUID();
        String email = Fixtures.uniqueEmail("linus");
        ObjectNode created = Fixtures.customerCreated(customerId, "Linus Torvalds", email);

        fixtures.publish(created);
        fixtures.publish(created);

        await().atMost(TIMEOUT).until(() -> inboxes.count(email) == 1);
        JsonNode mail = inboxes.of(email).get(0);
        assertThat(mail.path("subject").asText()).isEqualTo("Welcome, Linus Torvalds!");
        assertThat(mail.path("mimeMessage").asText()).contains("Hello Linus Torvalds").contains(email)
                .contains("<" + created.get("eventId").asText() + "@notification.outboxkit>");
        await().atMost(TIMEOUT).untilAsserted(() -> given().when().get("/deliveries/{id}", created.get("eventId").asText())
                .then().statusCode(200)
                .body("status", equalTo("SENT"))
                .body("attempts", equalTo(1))
                .body("recipient", equalTo(email)));
        // The redelivery must not add a second email; the count holds at one.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> inboxes.count(email) == 1);
    }

    @Test
    void projectionKeepsTheLatestStateWhateverTheOrderOfArrival() throws Exception {
        UUID customerId = UUID.randomUUID();
        String email = Fixtures.uniqueEmail("order");
        ObjectNode created = Fixtures.customerCreated(customerId, "First Name", email);
        ObjectNode renamed = Fixtures.customerUpdated(customerId, 2, "Second Name", email);
        ObjectNode stale = Fixtures.customerUpdated(customerId, 1, "Stale Name", email);

        double skipped = consumed("CustomerUpdated", "duplicate");

        fixtures.publish(created);
        fixtures.publish(renamed);
        fixtures.publish(stale);

        // The stale event's sequence was applied before (by the creation): it is skipped and counted as a duplicate.
        await().atMost(TIMEOUT).until(() -> consumed("CustomerUpdated", "duplicate") >= skipped + 1);
        assertThat(customerViewName(customerId)).isEqualTo("Second Name");
        // One row per aggregate, whatever the number of events: at sequence 2, reached without a gap.
        assertThat(appliedSequence(customerId)).isEqualTo("2 gaps=0 missing=");
    }

    @Test
    void anEventThatFillsAGapIsAppliedOnceAndNeverUndoesANewerState() throws Exception {
        UUID customerId = UUID.randomUUID();
        String email = Fixtures.uniqueEmail("gap");
        ObjectNode created = Fixtures.customerCreated(customerId, "Created", email);
        ObjectNode third = Fixtures.customerUpdated(customerId, 3, "Third", email);
        ObjectNode second = Fixtures.customerUpdated(customerId, 2, "Second", email);
        double skipped = consumed("CustomerUpdated", "duplicate");

        fixtures.publish(created);
        fixtures.publish(third);
        await().atMost(TIMEOUT).until(() -> "3 gaps=1 missing=2".equals(appliedSequence(customerId)));
        // The missing event arrives late (re-published to repair the gap): applied, once; the newer state stays.
        fixtures.publish(second);
        fixtures.publish(second);

        await().atMost(TIMEOUT).until(() -> "3 gaps=1 missing=".equals(appliedSequence(customerId)));
        await().atMost(TIMEOUT).until(() -> consumed("CustomerUpdated", "duplicate") >= skipped + 1);
        assertThat(customerViewName(customerId)).isEqualTo("Third");
    }

    @Test
    void poisonMessagesAreDeadLetteredWithTheirReasonAndTheNextEventIsStillHandled() {
        String badJson = UUID.randomUUID().toString();
        String unknownType = UUID.randomUUID().toString();
        String futureVersion = UUID.randomUUID().toString();
        UUID customerId = UUID.randomUUID();
        String email = Fixtures.uniqueEmail("after-poison");
        ObjectNode next = Fixtures.customerCreated(customerId, "After Poison", email);
        ObjectNode v2 = Fixtures.customerCreated(customerId, "From The Future", email).put("schemaVersion", 2)
                .put("eventId", futureVersion);

        try (TopicTail deadLetters = TopicTail.open(kafka, deadLetterTopic)) {
            String key = customerId.toString();
            fixtures.send("customer.events", key, badJson, "CustomerCreated", "{this is not json");
            fixtures.send("customer.events", key, unknownType, "CustomerTeleported", next.toString());
            fixtures.send("customer.events", key, futureVersion, "CustomerCreated", v2.toString());
            fixtures.publish(next);

            assertDeadLettered(deadLetters, badJson, "{this is not json", "not a valid CustomerCreated");
            assertDeadLettered(deadLetters, unknownType, next.toString(), "Unknown event type 'CustomerTeleported'");
            assertDeadLettered(deadLetters, futureVersion, v2.toString(), "schema version 2");
        }
        await().atMost(TIMEOUT).until(() -> inboxes.count(email) == 1);
        assertThat(inboxes.of(email).get(0).path("subject").asText()).isEqualTo("Welcome, After Poison!");
    }

    @Test
    void anEventTheHandlerRefusesIsDeadLetteredAloneAndTheEventsAroundItTakeEffect() {
        UUID before = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        String beforeEmail = Fixtures.uniqueEmail("before-refused");
        String afterEmail = Fixtures.uniqueEmail("after-refused");
        // Readable (headers, JSON, version, sequence, orderId), so it reaches the handler with its neighbours, which
        // then cannot read its customerId: the batch fails, and only this record may be dead-lettered for it.
        ObjectNode refused = Fixtures.invoiceCreated(before, null, "INV-REFUSED", "PO-REFUSED", 10.0)
                .put("customerId", "not-a-uuid");
        String refusedId = refused.get("eventId").asText();

        try (TopicTail deadLetters = TopicTail.open(kafka, deadLetterTopic)) {
            fixtures.publish(Fixtures.customerCreated(before, "Before Refused", beforeEmail));
            fixtures.send("order.events", refused.get("orderId").asText(), refusedId, "InvoiceCreated", refused.toString());
            fixtures.publish(Fixtures.customerCreated(after, "After Refused", afterEmail));

            ConsumerRecord<String, String> dead = deadLetters.awaitRecord(r -> refusedId.equals(TopicTail.header(r, "id")), TIMEOUT);
            assertThat(dead.value()).isEqualTo(refused.toString());
            assertThat(TopicTail.header(dead, "dead-letter-reason")).contains("is not a valid InvoiceCreated");
            assertThat(TopicTail.header(dead, "dead-letter-topic")).isEqualTo("order.events");
        }
        await().atMost(TIMEOUT).until(() -> inboxes.count(beforeEmail) == 1 && inboxes.count(afterEmail) == 1);
    }

    private void assertDeadLettered(TopicTail deadLetters, String eventId, String payload, String reason) {
        ConsumerRecord<String, String> dead = deadLetters.awaitRecord(r -> eventId.equals(TopicTail.header(r, "id")), TIMEOUT);
        assertThat(dead.value()).isEqualTo(payload);
        assertThat(TopicTail.header(dead, "eventType")).isNotBlank();
        assertThat(TopicTail.header(dead, "dead-letter-reason")).contains(reason);
        assertThat(TopicTail.header(dead, "dead-letter-topic")).isEqualTo("customer.events");
    }

    private static double consumed(String type, String outcome) {
        return Metrics.count("events_consumed_total", "topic", "customer.events", "type", type, "outcome", outcome);
    }

    /** This service's applied_sequence row for the customer, as "last gaps=n missing=a,b"; null when it has none. */
    private String appliedSequence(UUID customerId) throws Exception {
        try (var c = db.getConnection(); var q = c.prepareStatement("""
                SELECT last_sequence || ' gaps=' || gaps || ' missing=' || missing FROM applied_sequence
                WHERE consumer = 'notification-service' AND aggregate_type = 'customer' AND aggregate_id = ?""")) {
            q.setString(1, customerId.toString());
            try (var rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private String customerViewName(UUID customerId) throws Exception {
        try (var c = db.getConnection(); var q = c.prepareStatement("SELECT name FROM customer_view WHERE customer_id = ?")) {
            q.setObject(1, customerId);
            try (var rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
