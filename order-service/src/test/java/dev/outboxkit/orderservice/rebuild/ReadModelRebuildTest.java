package dev.outboxkit.orderservice.rebuild;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outboxkit.testkit.Fixtures;
import dev.outboxkit.testkit.Identities;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ReadModelRebuildTest {

    @BeforeEach
    void actAsBackOffice() {
        Identities.actAs(Identities.ALICE);
    }

    /** Every derived table, in a stable order; updated_at of the views is bookkeeping (now()), not state. */
    private static final List<String> SNAPSHOT = List.of(
            "SELECT customer_id, name, email, organization_id, active, last_sequence FROM customer_view ORDER BY customer_id",
            "SELECT organization_id, name, last_sequence FROM organization_view ORDER BY organization_id",
            "SELECT * FROM order_history ORDER BY order_id",
            "SELECT * FROM order_history_line ORDER BY order_id, line_no",
            "SELECT event_id, order_id, sequence, type, occurred_at, payload FROM order_event_log ORDER BY event_id");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource db;

    @Test
    void theModelRebuiltFromTheTopicsEqualsTheLiveOne() throws Exception {
        // Some fresh history of our own, so there is something to rebuild whatever ran before.
        UUID customerId = UUID.randomUUID();
        try (Fixtures fixtures = new Fixtures(kafka)) {
            fixtures.publish(Fixtures.customerCreated(customerId, "Rebuilt Customer", Fixtures.uniqueEmail("rebuild")));
        }
        String orderId = await().atMost(Duration.ofSeconds(30)).until(() -> place(customerId), id -> id != null);
        given().when().post("/orders/{id}/confirm", orderId).then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows("SELECT * FROM order_event_log WHERE order_id = '" + orderId + "'").size() == 3);

        List<List<String>> live = snapshot();
        var report = given().when().post("/admin/read-model/rebuild").then().statusCode(200).extract().jsonPath();
        List<List<String>> rebuilt = snapshot();

        assertThat(report.getLong("orderEvents")).isGreaterThanOrEqualTo(3);
        assertThat(rebuilt).isEqualTo(live);
        System.out.printf("Read model rebuilt from %d customer and %d order events in %d ms%n",
                report.getLong("customerEvents"), report.getLong("orderEvents"), report.getLong("millis"));
    }

    private List<List<String>> snapshot() throws Exception {
        List<List<String>> tables = new ArrayList<>();
        for (String query : SNAPSHOT) {
            tables.add(rows(query));
        }
        return tables;
    }

    private List<String> rows(String query) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static String place(UUID customerId) {
        var response = given().contentType(ContentType.JSON).body(Map.of(
                        "purchaseOrderNumber", "PO-REBUILD",
                        "customerId", customerId.toString(),
                        "deliveryDate", LocalDate.now().plusDays(2).toString(),
                        "lines", List.of(Map.of("product", "Difference engine", "quantity", 1, "unitPrice", 1000))))
                .when().post("/orders");
        return response.statusCode() == 201 ? response.jsonPath().getString("id") : null;
    }
}
