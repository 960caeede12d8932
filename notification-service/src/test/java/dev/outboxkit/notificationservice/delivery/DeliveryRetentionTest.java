package dev.outboxkit.notificationservice.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outboxkit.notificationservice.support.StackTest;
import dev.outboxkit.storage.TableSizes;
import dev.outboxkit.testkit.Fixtures;
import dev.outboxkit.testkit.Metrics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The ledger's retention on the real stack: sent emails older than the window are pruned (invoice) or compacted
 * (welcome), unsent ones are left alone, the welcome question still has its answer, and the same events delivered
 * again afterwards send nothing. (The scheduler does not run it in tests: %test.notification.retention.pruning-interval=off;
 * the test ages its own rows past the configured window instead.)
 */
@QuarkusTest
class DeliveryRetentionTest extends StackTest {

    @Inject
    DeliveryRetention retention;

    @Inject
    DeliveryRetentionConfig config;

    @Inject
    TableSizes tableSizes;

    @Inject
    DataSource db;

    @Test
    void sentEmailsPastTheWindowArePrunedOrCompactedAndARedeliveryAfterwardsSendsNothing() throws Exception {
        UUID customerId = UUID.randomUUID();
        String email = Fixtures.uniqueEmail("retained");
        ObjectNode created = Fixtures.customerCreated(customerId, "Kept Short", email);
        ObjectNode invoice = Fixtures.invoiceCreated(customerId, null, "INV-770001", "PO-RETENTION", 12.5);
        String welcomeId = created.get("eventId").asText();
        String invoiceId = invoice.get("eventId").asText();
        fixtures.publish(created);
        await().atMost(TIMEOUT).until(() -> inboxes.count(email) == 1);
        fixtures.publish(invoice);
        await().atMost(TIMEOUT).until(() -> inboxes.count(email) == 2);
        await().atMost(TIMEOUT).until(() -> "SENT".equals(status(invoiceId)) && "SENT".equals(status(welcomeId)));
        // Work the dispatcher and an operator still have: never touched, however old.
        UUID pending = insertUnsent(customerId, "PENDING");
        UUID retrying = insertUnsent(customerId, "RETRYING");
        UUID deadLettered = insertUnsent(customerId, "DEAD_LETTERED");

        // Inside the window: nothing of this customer's changes.
        retention.pruneSentEmails();
        assertThat(payload(welcomeId)).isNotEmpty();
        assertThat(status(invoiceId)).isEqualTo("SENT");

        age(welcomeId, invoiceId);
        double deletedBefore = rows("deleted");
        double compactedBefore = rows("compacted");
        retention.pruneSentEmails();

        given().when().get("/deliveries/{id}", invoiceId).then().statusCode(404);
        given().when().get("/deliveries/{id}", welcomeId).then().statusCode(200)
                .body("status", equalTo("SENT")).body("recipient", equalTo(email)).body("customerId", equalTo(customerId.toString()));
        assertThat(payload(welcomeId)).as("the compacted welcome row drops the event").isEmpty();
        given().when().get("/deliveries/missing-welcome?limit=1000").then().statusCode(200)
                .body("customerId", not(hasItem(customerId.toString())));
        for (UUID unsent : new UUID[] { pending, retrying, deadLettered }) {
            assertThat(payload(unsent.toString())).as("unsent rows keep everything").isEqualTo("{}");
            delete(unsent); // no other test should meet them
        }
        assertThat(rows("deleted") - deletedBefore).isGreaterThanOrEqualTo(1);
        assertThat(rows("compacted") - compactedBefore).isGreaterThanOrEqualTo(1);
        assertThat(tableSizes.refresh()).containsKey("delivery");
        assertThat(Metrics.sample("storage_table_rows", "table", "delivery")).isPresent();

        // The same two events again, as after a consumer crash before its offsets were committed.
        fixtures.publish(created);
        fixtures.publish(invoice);
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() -> inboxes.count(email) == 2);
        given().when().get("/deliveries/{id}", invoiceId).then().statusCode(404);
        assertThat(payload(welcomeId)).isEmpty();
    }

    private double rows(String action) {
        return Metrics.sample("storage_pruned_rows_total", "table", "delivery", "action", action).orElse(0);
    }

    /** Moves both rows' history back past the configured window. */
    private void age(String... eventIds) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement update = c.prepareStatement("""
                UPDATE delivery SET created_at = created_at - make_interval(secs => ?), sent_at = sent_at - make_interval(secs => ?)
                WHERE event_id = ?""")) {
            for (String id : eventIds) {
                update.setDouble(1, config.sentEmails().toSeconds() + 3600);
                update.setDouble(2, config.sentEmails().toSeconds() + 3600);
                update.setObject(3, UUID.fromString(id));
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
        }
    }

    /** A row the dispatcher will not take during the test (due tomorrow), with an old creation and even an old sent_at. */
    private UUID insertUnsent(UUID customerId, String status) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection c = db.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO delivery (event_id, kind, customer_id, status, attempts, next_attempt_at, created_at, sent_at,
                                      source_topic, event_type, payload)
                VALUES (?, 'INVOICE', ?, ?, 3, now() + interval '1 day', now() - interval '400 days',
                        now() - interval '400 days', 'order.events', 'InvoiceCreated', '{}')""")) {
            insert.setObject(1, id);
            insert.setObject(2, customerId);
            insert.setString(3, status);
            insert.executeUpdate();
        }
        return id;
    }

    private void delete(UUID eventId) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement delete = c.prepareStatement("DELETE FROM delivery WHERE event_id = ?")) {
            delete.setObject(1, eventId);
            delete.executeUpdate();
        }
    }

    private String status(String eventId) throws SQLException {
        return column("status", eventId);
    }

    private String payload(String eventId) throws SQLException {
        return column("payload", eventId);
    }

    private String column(String column, String eventId) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT " + column + " FROM delivery WHERE event_id = ?")) {
            q.setObject(1, UUID.fromString(eventId));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
