package dev.outboxkit.notificationservice.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outboxkit.notificationservice.support.StackTest;
import dev.outboxkit.testkit.Fixtures;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The window SMTP leaves open: the mail server accepted an email and its sender stopped before recording
 * that. The ledger is put in exactly the state such a sender leaves (claimed, sending_since set, lease run
 * out) after a real first send; the next dispatcher sends again, and the ledger says so.
 */
@QuarkusTest
class SenderStoppedMidSendTest extends StackTest {

    @Inject
    DataSource db;

    @Test
    void aResendAfterAnUnknownOutcomeCarriesTheSameMessageIdAndIsCountedInTheLedger() throws Exception {
        String email = Fixtures.uniqueEmail("mid-send");
        ObjectNode created = Fixtures.customerCreated(UUID.randomUUID(), "Mid Send", email);
        String eventId = created.get("eventId").asText();
        fixtures.publish(created);
        await().atMost(TIMEOUT).untilAsserted(() -> given().when().get("/deliveries/{id}", eventId)
                .then().body("status", equalTo("SENT")).body("unconfirmedSends", equalTo(0)));

        leaveAsAStoppedSenderWould(eventId);

        await().atMost(TIMEOUT).untilAsserted(() -> given().when().get("/deliveries/{id}", eventId)
                .then().body("status", equalTo("SENT")).body("unconfirmedSends", equalTo(1)));
        await().atMost(TIMEOUT).until(() -> inboxes.count(email) == 2);
        JsonNode copies = inboxes.of(email);
        String messageId = "<" + eventId + "@notification.outboxkit>";
        assertThat(copies.get(0).path("mimeMessage").asText()).contains(messageId);
        assertThat(copies.get(1).path("mimeMessage").asText()).contains(messageId);
    }

    private void leaveAsAStoppedSenderWould(String eventId) throws Exception {
        try (var c = db.getConnection(); var update = c.prepareStatement("""
                UPDATE delivery SET status = 'PENDING', sent_at = NULL, attempts = 0,
                    sending_since = now() - interval '3 minutes', next_attempt_at = now() - interval '1 minute'
                WHERE event_id = ?""")) {
            update.setObject(1, UUID.fromString(eventId));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }
}
