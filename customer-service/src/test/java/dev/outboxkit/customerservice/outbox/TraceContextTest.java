package dev.outboxkit.customerservice.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import dev.outboxkit.customerservice.support.Api;
import dev.outboxkit.customerservice.support.EventsTest;
import dev.outboxkit.testkit.PublishedEvents.Event;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The trace context of a request travels with the event it causes: the outbox row's traceparent column,
 * then the real Debezium relay's Kafka header {@code traceparent} (W3C: 00-trace id-span id-flags).
 */
@QuarkusTest
class TraceContextTest extends EventsTest {

    private static final String W3C = "00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}";

    @Test
    void aSignUpCarriesTheCallersTraceIntoTheKafkaRecord() {
        String traceId = hex(16);
        String callerSpanId = hex(8);

        String id = signUp("00-" + traceId + "-" + callerSpanId + "-01");

        Event created = customerEvents.awaitEvents(id, 1).get(0);
        assertThat(created.traceparent()).matches(W3C);
        String[] parts = created.traceparent().split("-");
        assertThat(parts[1]).as("trace id").isEqualTo(traceId);
        assertThat(parts[2]).as("span id: the service's own server span, a child of the caller's")
                .isNotEqualTo(callerSpanId).isNotEqualTo("0".repeat(16));
        assertThat(parts[3]).as("sampled, as the caller said").isEqualTo("01");
    }

    @Test
    void aSignUpWithoutTraceStartsOneAndCarriesIt() {
        String id = signUp(null);

        Event created = customerEvents.awaitEvents(id, 1).get(0);
        assertThat(created.traceparent()).matches(W3C);
        assertThat(created.traceparent().split("-")[1]).isNotEqualTo("0".repeat(32));
    }

    private static String signUp(String traceparent) {
        var request = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Grace Hopper", "email", Api.uniqueEmail("grace")));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return request.when().post("/customers").then().statusCode(201).extract().path("id");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
