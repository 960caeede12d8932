package dev.outboxkit.notificationservice.api;

import static dev.outboxkit.testkit.Refusals.assertBadRequestNaming;
import static dev.outboxkit.testkit.Refusals.malformed;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outboxkit.testkit.Identities;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Parameters that do not parse get a 400 problem+json naming them (with the allowed values of an enum), not a
 * 404 that a client cannot tell from an unknown delivery. The requests break the OpenAPI document on purpose;
 * their responses are still checked against it.
 */
@QuarkusTest
class MalformedRequestTest {

    @BeforeEach
    void actAsBackOffice() {
        Identities.actAs(Identities.ALICE);
    }

    @Test
    void parametersThatDoNotParseAreRefusedNamingThemNotNotFound() {
        assertBadRequestNaming(malformed().queryParam("limit", "abc").get("/deliveries"), "limit", "an integer");
        assertBadRequestNaming(malformed().queryParam("status", "BOGUS").get("/deliveries"), "status",
                "one of PENDING, RETRYING, SENT, DEAD_LETTERED");
        assertBadRequestNaming(malformed().queryParam("kind", "sms").get("/deliveries"), "kind", "one of WELCOME, INVOICE");
        assertBadRequestNaming(malformed().queryParam("customerId", "xyz").get("/deliveries"), "customerId", "a UUID");
        assertBadRequestNaming(malformed().get("/deliveries/not-a-uuid"), "eventId", "a UUID");
        assertBadRequestNaming(malformed().post("/deliveries/{id}/redrive", "7"), "eventId", "a UUID");
        assertBadRequestNaming(malformed().queryParam("limit", "1e3").get("/deliveries/missing-welcome"), "limit",
                "an integer");
    }
}
