package dev.outboxkit.notificationservice.invoice;

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

@QuarkusTest
class InvoiceEmailTest extends StackTest {

    @Inject
    DataSource db;

    @Test
    void invoiceEmailUsesTheLatestCustomerAndOrganizationNames() {
        UUID organizationId = UUID.randomUUID();
        UUID customerId = UUID.randomUUID();
        String email = Fixtures.uniqueEmail("invoiced");
        fixtures.publish(Fixtures.organizationCreated(organizationId, "Old Works Ltd"));
        ObjectNode created = Fixtures.customerCreated(customerId, "Old Name", email);
        created.put("organizationId", organizationId.toString());
        fixtures.publish(created);
        await().atMost(TIMEOUT).until(() -> inboxes.count(email) == 1);

        // Both are renamed after the order was placed; the invoice event itself carries ids, not names.
        fixtures.publish(Fixtures.organizationRenamed(organizationId, 2, "Old Works Ltd", "New Works Ltd"));
        fixtures.publish(Fixtures.customerUpdated(customerId, 2, "New Name", email));
        // The topics are consumed independently; the invoice goes out once both renames are known here.
        await().atMost(TIMEOUT).until(() -> "New Name".equals(name("SELECT name FROM customer_view WHERE customer_id = ?", customerId))
                && "New Works Ltd".equals(name("SELECT name FROM organization_view WHERE organization_id = ?", organizationId)));
        ObjectNode invoice = Fixtures.invoiceCreated(customerId, organizationId, "INV-424242", "PO-RENAMED", 99.5);
        fixtures.publish(invoice);

        await().atMost(TIMEOUT).until(() -> inboxes.count(email) == 2);
        JsonNode mail = inboxes.of(email).get(1);
        assertThat(mail.path("subject").asText()).isEqualTo("Invoice INV-424242 for order PO-RENAMED");
        assertThat(mail.path("mimeMessage").asText())
                .contains("Hello New Name").contains("for New Works Ltd").contains("99.5")
                .doesNotContain("Old Name").doesNotContain("Old Works");
        await().atMost(TIMEOUT).untilAsserted(() -> given().when().get("/deliveries/{id}", invoice.get("eventId").asText())
                .then().body("kind", equalTo("INVOICE")).body("status", equalTo("SENT")));
    }

    private String name(String sql, UUID id) throws Exception {
        try (var c = db.getConnection(); var q = c.prepareStatement(sql)) {
            q.setObject(1, id);
            try (var rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
