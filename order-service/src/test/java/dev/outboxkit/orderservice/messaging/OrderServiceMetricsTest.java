package dev.outboxkit.orderservice.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.outboxkit.testkit.Fixtures;
import dev.outboxkit.testkit.Identities;
import dev.outboxkit.testkit.Metrics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** order-service both consumes and publishes: its counters and its slot gauges, after real events. */
@QuarkusTest
class OrderServiceMetricsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CONSUMED = "events_consumed_total";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Test
    void consumedAndEmittedEventsAreCountedAndTheOrdersSlotIsWatched() {
        Identities.actAs(Identities.ALICE);
        double customers = Metrics.count(CONSUMED, "topic", "customer.events", "type", "CustomerCreated", "outcome", "applied");
        double repeated = Metrics.count(CONSUMED, "topic", "customer.events", "type", "CustomerCreated", "outcome", "duplicate");
        double emitted = Metrics.count("outbox_events_emitted_total", "type", "OrderCreated");
        double history = Metrics.count(CONSUMED, "topic", "order.events", "type", "OrderCreated", "outcome", "applied");
        UUID customerId = UUID.randomUUID();
        try (Fixtures fixtures = new Fixtures(kafka)) {
            var created = Fixtures.customerCreated(customerId, "Counted Customer", Fixtures.uniqueEmail("counted"));
            fixtures.publish(created);
            fixtures.publish(created); // a redelivery: the view does not change, and it is counted as such
        }
        // Orderable once its event was applied (422 until then).
        await().atMost(TIMEOUT).until(() -> given().contentType(ContentType.JSON).body(Map.of(
                        "purchaseOrderNumber", "PO-" + customerId, "customerId", customerId.toString(),
                        "deliveryDate", LocalDate.now().plusDays(3).toString(),
                        "lines", List.of(Map.of("product", "Abacus", "quantity", 1, "unitPrice", 5))))
                .when().post("/orders").statusCode() == 201);

        assertThat(Metrics.count(CONSUMED, "topic", "customer.events", "type", "CustomerCreated", "outcome", "applied"))
                .isGreaterThanOrEqualTo(customers + 1);
        await().atMost(TIMEOUT).until(() -> Metrics.count(CONSUMED, "topic", "customer.events", "type", "CustomerCreated",
                "outcome", "duplicate") >= repeated + 1);
        assertThat(Metrics.count("outbox_events_emitted_total", "type", "OrderCreated")).isEqualTo(emitted + 1);
        await().atMost(TIMEOUT).until(() -> Metrics.count(CONSUMED, "topic", "order.events", "type", "OrderCreated",
                "outcome", "applied") >= history + 1);
        assertThat(Metrics.sample("outbox_replication_slot_active", "slot", "orders_outbox")).hasValue(1.0);
        given().when().get("/q/health/group/relay").then().statusCode(200).body("checks[0].data.slot", equalTo("orders_outbox"));
    }
}
