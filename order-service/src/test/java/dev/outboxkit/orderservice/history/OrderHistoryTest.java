package dev.outboxkit.orderservice.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outboxkit.testkit.Fixtures;
import dev.outboxkit.testkit.Identities;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The read side, fed by the real order topic: history, filters, an order's events and its past states. */
@QuarkusTest
class OrderHistoryTest {

    @BeforeEach
    void actAsBackOffice() {
        Identities.actAs(Identities.ALICE);
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private Fixtures fixtures;

    @BeforeEach
    void connect() {
        fixtures = new Fixtures(kafka);
    }

    @AfterEach
    void disconnect() {
        fixtures.close();
    }

    @Test
    void historyFiltersEventsAndPastStatesComeFromTheEvents() throws Exception {
        UUID customerId = UUID.randomUUID();
        fixtures.publish(Fixtures.customerCreated(customerId, "History Customer", Fixtures.uniqueEmail("history")));
        String gears = await().atMost(TIMEOUT).until(() -> place(customerId, "PO-GEARS", "Brass gear"), id -> id != null);
        String cards = place(customerId, "PO-CARDS", "Punched cards (box)");
        Instant beforeConfirm = Instant.now();
        given().when().post("/orders/{id}/confirm", gears).then().statusCode(200);
        Instant confirmed = Instant.now();
        given().when().post("/orders/{id}/ship", gears).then().statusCode(200);

        await().atMost(TIMEOUT).untilAsserted(() -> given().when().get("/customers/{id}/orders", customerId)
                .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.orderId", contains(cards, gears))
                .body("items[1].status", equalTo("SHIPPED"))
                .body("items[1].invoiceNumber", org.hamcrest.Matchers.startsWith("INV-")));
        given().queryParam("status", "CREATED").when().get("/customers/{id}/orders", customerId)
                .then().body("items.orderId", contains(cards));
        given().queryParam("product", "gear").when().get("/customers/{id}/orders", customerId)
                .then().body("items.orderId", contains(gears));
        given().queryParam("size", 1).queryParam("page", 1).when().get("/customers/{id}/orders", customerId)
                .then().body("items.orderId", contains(gears)).body("totalPages", equalTo(2));

        JsonPath events = given().when().get("/orders/{id}/events", gears).then().statusCode(200).extract().jsonPath();
        assertThat(events.getList("type")).containsExactly("OrderCreated", "OrderStatusChanged", "InvoiceCreated",
                "OrderStatusChanged");
        assertThat(events.getList("sequence", Long.class)).containsExactly(1L, 2L, 3L, 4L);

        given().queryParam("asOf", beforeConfirm.toString()).when().get("/orders/{id}", gears)
                .then().statusCode(200).body("status", equalTo("CREATED")).body("invoiceNumber", equalTo(null));
        given().queryParam("asOf", confirmed.toString()).when().get("/orders/{id}", gears)
                .then().statusCode(200).body("status", equalTo("CONFIRMED"))
                .body("invoiceNumber", org.hamcrest.Matchers.startsWith("INV-"));
        given().queryParam("asOf", Instant.now().toString()).when().get("/orders/{id}", gears)
                .then().body("status", equalTo("SHIPPED"));
        given().queryParam("asOf", "2000-01-01T00:00:00Z").when().get("/orders/{id}", gears)
                .then().statusCode(404).body("title", equalTo("Order not found at that time"));
    }

    /** @return the new order's id, or null while the customer is not known yet */
    private static String place(UUID customerId, String purchaseOrderNumber, String product) {
        var response = given().contentType(ContentType.JSON).body(Map.of(
                        "purchaseOrderNumber", purchaseOrderNumber,
                        "customerId", customerId.toString(),
                        "deliveryDate", LocalDate.now().plusDays(5).toString(),
                        "lines", List.of(Map.of("product", product, "quantity", 2, "unitPrice", 9.99))))
                .when().post("/orders");
        return response.statusCode() == 201 ? response.jsonPath().getString("id") : null;
    }
}
