package dev.outboxkit.customerservice.relay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.outboxkit.customerservice.support.Api;
import dev.outboxkit.customerservice.support.EventsTest;
import dev.outboxkit.testkit.Identities;
import dev.outboxkit.testkit.Metrics;
import io.quarkus.test.junit.QuarkusTest;

/** What an operator scrapes and probes, read from the running service after real requests. */
@QuarkusTest
class RelayMetricsTest extends EventsTest {

    @Test
    void aSignupCountsOneEmittedCustomerCreatedOnceItsTransactionCommitted() {
        double before = Metrics.count("outbox_events_emitted_total", "type", "CustomerCreated");

        String id = Api.createCustomer("Grace Hopper", Api.uniqueEmail("grace"), null).getString("id");

        assertThat(Metrics.count("outbox_events_emitted_total", "type", "CustomerCreated")).isEqualTo(before + 1);
        // ...and it is the event the relay published.
        customerEvents.awaitEvents(id, 1);
    }

    @Test
    void aRefusedSignupEmitsNothing() {
        double before = Metrics.count("outbox_events_emitted_total", "type", "CustomerCreated");
        String email = Api.uniqueEmail("twice");
        Api.createCustomer("First", email, null);

        given().contentType("application/json").body("{\"name\":\"Second\",\"email\":\"" + email + "\"}")
                .when().post("/customers").then().statusCode(409);

        assertThat(Metrics.count("outbox_events_emitted_total", "type", "CustomerCreated")).isEqualTo(before + 1);
    }

    @Test
    void theRelaySlotIsWatchedWithoutTakingPartInReadiness() {
        Identities.actAnonymously();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(Metrics.sample("outbox_replication_slot_active", "slot", "customer_outbox")).hasValue(1.0);
            assertThat(Metrics.sample("outbox_replication_slot_retained_wal_bytes", "slot", "customer_outbox").orElseThrow())
                    .isNotNaN().isGreaterThanOrEqualTo(0);
        });
        // The stack caps slot WAL (max_slot_wal_keep_size), so the room left is a number, never NaN.
        assertThat(Metrics.sample("outbox_replication_slot_safe_wal_bytes", "slot", "customer_outbox").orElseThrow())
                .isNotNaN().isPositive();

        given().when().get("/q/health/group/relay").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].data.slot", equalTo("customer_outbox"))
                .body("checks[0].data.state", equalTo("OK"))
                .body("checks[0].data.active", equalTo(true));
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", not(hasItem("outbox relay replication slot")));
    }
}
