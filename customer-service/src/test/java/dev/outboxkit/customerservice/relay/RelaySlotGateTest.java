package dev.outboxkit.customerservice.relay;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outboxkit.customerservice.support.Api;
import dev.outboxkit.customerservice.support.Database;
import dev.outboxkit.testkit.Identities;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * A service started before its relay's slot exists (the connector not registered yet, or its slot dropped) must not
 * take a change: the change's event would be committed where no slot reads it and, removed after insert, be lost.
 * This service instance watches a slot of the test's own, which the test creates and drops as the connector would.
 */
@QuarkusTest
@TestProfile(RelaySlotGateTest.SlotNotYetCreated.class)
class RelaySlotGateTest {

    static final String SLOT = "gate_test_slot";

    public static class SlotNotYetCreated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("outbox.slot.name", SLOT, "outbox.slot.check-interval", "500ms");
        }
    }

    @Inject
    Database database;

    @BeforeEach
    void noSlotYet() {
        Identities.actAs(Identities.ALICE);
        dropSlot();
    }

    @AfterEach
    void dropSlot() {
        database.execute("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = '" + SLOT + "'");
    }

    @Test
    void withoutTheSlotAChangeIsRefusedAndNothingIsWrittenThenTheSlotOpensTheGate() {
        String refused = Api.uniqueEmail("before-slot");
        given().contentType(ContentType.JSON).body(Map.of("name", "Too Early", "email", refused))
                .when().post("/customers")
                .then().statusCode(503).contentType("application/problem+json")
                .body("title", equalTo("Not accepting changes yet"))
                .body("detail", containsString("slot " + SLOT + " does not exist"));
        assertThat(database.count("SELECT count(*) FROM customer WHERE email = ?", refused)).isZero();
        given().when().get("/q/health/ready").then().statusCode(503)
                .body("checks.find { it.name == 'outbox relay capturing' }.status", equalTo("DOWN"));

        database.execute("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");

        given().when().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("outbox relay capturing"));
        String accepted = Api.uniqueEmail("after-slot");
        Api.createCustomer("In Time", accepted, null);
        assertThat(database.count("SELECT count(*) FROM customer WHERE email = ?", accepted)).isOne();
    }

    @Test
    void aSlotDroppedWhileRunningClosesTheGateAtTheNextReading() {
        database.execute("SELECT pg_create_logical_replication_slot('" + SLOT + "', 'pgoutput')");
        Api.createCustomer("While Open", Api.uniqueEmail("open"), null);

        dropSlot();

        String refused = Api.uniqueEmail("after-drop");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().contentType(ContentType.JSON)
                .body(Map.of("name", "Too Late", "email", Api.uniqueEmail("probe")))
                .when().post("/customers").then().statusCode(503));
        given().contentType(ContentType.JSON).body(Map.of("name", "Too Late", "email", refused))
                .when().post("/customers").then().statusCode(503);
        assertThat(database.count("SELECT count(*) FROM customer WHERE email = ?", refused)).isZero();
        given().when().get("/q/health/ready").then().statusCode(503);
    }
}
