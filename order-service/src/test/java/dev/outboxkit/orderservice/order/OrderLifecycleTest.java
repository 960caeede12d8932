package dev.outboxkit.orderservice.order;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
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
import dev.outboxkit.testkit.OpenApiContract;
import dev.outboxkit.testkit.PublishedEvents.Event;
import dev.outboxkit.testkit.PublishedEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Customers reach this service only as events on the real customer topic; orders leave it only as
 * events on the real order topic, each checked against its contract.
 */
@QuarkusTest
class OrderLifecycleTest {

    @BeforeEach
    void actAsBackOffice() {
        Identities.actAs(Identities.ALICE);
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    private Fixtures fixtures;
    private PublishedEvents orderEvents;

    @BeforeEach
    void connect() {
        fixtures = new Fixtures(kafka);
        orderEvents = PublishedEvents.on(kafka, "order.events");
    }

    @AfterEach
    void disconnect() {
        fixtures.close();
        orderEvents.close();
    }

    @Test
    void aNewCustomerBecomesOrderableOnceItsEventArrives() {
        UUID customerId = UUID.randomUUID();
        // Not known yet: the event has not been published.
        given().contentType(ContentType.JSON).body(order(customerId, "PO-EARLY"))
                .when().post("/orders")
                .then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Unknown customer"));

        fixtures.publish(Fixtures.customerCreated(customerId, "Eventual Customer", Fixtures.uniqueEmail("eventual")));
        long publishedAt = System.nanoTime();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(50)).until(() -> given().contentType(ContentType.JSON)
                .body(order(customerId, "PO-1")).when().post("/orders").statusCode() == 201);
        System.out.printf("Customer orderable %d ms after its CustomerCreated event was published%n",
                (System.nanoTime() - publishedAt) / 1_000_000);
    }

    @Test
    void aDeactivatedCustomerCannotOrder() {
        UUID customerId = knownCustomer("Leaving Customer");
        fixtures.publish(Fixtures.customerDeactivated(customerId, 2));

        await().atMost(TIMEOUT).untilAsserted(() -> given().contentType(ContentType.JSON).body(order(customerId, "PO-LATE"))
                .when().post("/orders")
                .then().statusCode(422).body("title", equalTo("Customer is deactivated")));
    }

    @Test
    void anOrderMovesThroughItsStatesAndConfirmingIssuesTheInvoice() {
        UUID customerId = knownCustomer("Orderly Customer");
        String id = given().contentType(ContentType.JSON).body(order(customerId, "PO-100"))
                .when().post("/orders")
                .then().statusCode(201)
                .body("status", equalTo("CREATED"))
                .body("total", equalTo(54.5f))
                .extract().path("id");

        given().when().get("/orders/{id}/invoice", id).then().statusCode(404);
        given().when().post("/orders/{id}/deliver", id)
                .then().statusCode(409).contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Illegal status change"));

        given().when().post("/orders/{id}/confirm", id).then().statusCode(200).body("status", equalTo("CONFIRMED"));
        String invoiceNumber = given().when().get("/orders/{id}/invoice", id)
                .then().statusCode(200).body("amount", equalTo(54.5f)).extract().path("number");
        given().when().post("/orders/{id}/ship", id).then().statusCode(200).body("status", equalTo("SHIPPED"));
        given().when().post("/orders/{id}/cancel", id).then().statusCode(409);
        given().when().post("/orders/{id}/deliver", id).then().statusCode(200).body("status", equalTo("DELIVERED"));
        given().when().post("/orders/{id}/cancel", id).then().statusCode(409);

        List<Event> events = orderEvents.awaitEvents(id, 5);
        assertThat(events).extracting(Event::type).containsExactly(
                "OrderCreated", "OrderStatusChanged", "InvoiceCreated", "OrderStatusChanged", "OrderStatusChanged");
        assertThat(events).extracting(Event::sequence).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(events.get(2).payload().get("invoiceNumber").asText()).isEqualTo(invoiceNumber);
        assertThat(events.get(4).payload().get("status").asText()).isEqualTo("DELIVERED");
        assertThat(orderEvents.allFor(id, Duration.ofSeconds(1))).hasSize(5);
    }

    @Test
    void invalidOrdersNameTheirFieldsAndDuplicatesConflict() {
        UUID customerId = knownCustomer("Careful Customer");
        given().filter(OpenApiContract.malformedRequest()).contentType(ContentType.JSON)
                .body(Map.of("purchaseOrderNumber", "", "customerId", customerId.toString(),
                        "deliveryDate", LocalDate.now().plusDays(3).toString(), "lines", List.of()))
                .when().post("/orders")
                .then().statusCode(400)
                .body("violations.field", hasItem("purchaseOrderNumber"))
                .body("violations.field", hasItem("lines"));

        given().contentType(ContentType.JSON).body(order(customerId, "PO-TWICE")).when().post("/orders").then().statusCode(201);
        given().contentType(ContentType.JSON).body(order(customerId, "PO-TWICE")).when().post("/orders")
                .then().statusCode(409).body("title", equalTo("Duplicate purchase order"));
        given().when().get("/orders/{id}", UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theOrderTopicHasThreePartitions() {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<>(
                Map.<String, Object>of("bootstrap.servers", kafka),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            assertThat(consumer.partitionsFor("order.events", Duration.ofSeconds(10))).hasSize(3);
        }
    }

    /** Publishes the customer's CustomerCreated and waits until this service knows the customer. */
    private UUID knownCustomer(String name) {
        UUID customerId = UUID.randomUUID();
        fixtures.publish(Fixtures.customerCreated(customerId, name, Fixtures.uniqueEmail("orders")));
        await().atMost(TIMEOUT).until(() -> given().contentType(ContentType.JSON)
                .body(order(customerId, "PO-PROBE-" + UUID.randomUUID())).when().post("/orders").statusCode() == 201);
        return customerId;
    }

    private static Map<String, Object> order(UUID customerId, String purchaseOrderNumber) {
        return Map.of(
                "purchaseOrderNumber", purchaseOrderNumber,
                "customerId", customerId.toString(),
                "deliveryDate", LocalDate.now().plusDays(7).toString(),
                "lines", List.of(
                        Map.of("product", "Punched cards (box)", "quantity", 3, "unitPrice", 12.5),
                        Map.of("product", "Brass gear", "quantity", 1, "unitPrice", 17.0)));
    }
}
