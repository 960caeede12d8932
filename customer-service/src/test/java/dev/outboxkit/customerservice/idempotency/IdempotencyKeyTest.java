package dev.outboxkit.customerservice.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.outboxkit.customerservice.support.Api;
import dev.outboxkit.customerservice.support.Database;
import dev.outboxkit.customerservice.support.EventsTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class IdempotencyKeyTest extends EventsTest {

    @Inject
    Database db;

    @Test
    void retriesWithTheSameKeyCreateOneCustomerAndOneEventAndGetTheFirstResponse() throws Exception {
        String key = UUID.randomUUID().toString();
        String email = Api.uniqueEmail("retry");
        Map<String, String> body = Map.of("name", "Retrying Client", "email", email);

        // Concurrent first attempts (a client timing out and retrying at once), then a late retry.
        ExecutorService pool = Executors.newFixedThreadPool(3);
        List<Future<Response>> attempts = new ArrayList<>();
        Callable<Response> post = () -> given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/customers");
        for (int i = 0; i < 3; i++) {
            attempts.add(pool.submit(post));
        }
        List<Response> responses = new ArrayList<>();
        for (Future<Response> attempt : attempts) {
            responses.add(attempt.get());
        }
        pool.shutdown();
        responses.add(post.call());

        Response first = responses.get(0);
        for (Response response : responses) {
            assertThat(response.statusCode()).isEqualTo(201);
            assertThat(response.body().asString()).isEqualTo(first.body().asString());
            assertThat(response.header("Location")).isEqualTo(first.header("Location"));
        }
        assertThat(responses).filteredOn(r -> "true".equals(r.header("Idempotent-Replayed"))).hasSize(3);
        assertThat(db.count("SELECT count(*) FROM customer WHERE email = ?", email)).isEqualTo(1);

        String id = first.jsonPath().getString("id");
        customerEvents.awaitEvents(id, 1);
        assertThat(customerEvents.allFor(id, Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void aKeyReusedForADifferentRequestIsRefused() {
        String key = UUID.randomUUID().toString();
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", "Original", "email", Api.uniqueEmail("original")))
                .when().post("/customers").then().statusCode(201);

        String other = Api.uniqueEmail("other");
        given().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("name", "Different", "email", other))
                .when().post("/customers")
                .then().statusCode(422).body("title", equalTo("Idempotency-Key reused"));
        assertThat(db.count("SELECT count(*) FROM customer WHERE email = ?", other)).isZero();
    }

    @Test
    void aFailedAttemptDoesNotBurnTheKey() {
        String key = UUID.randomUUID().toString();
        String taken = Api.uniqueEmail("taken");
        Api.createCustomer("Owner", taken, null);
        Map<String, String> body = Map.of("name", "Latecomer", "email", taken);

        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/customers").then().statusCode(409);
        given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body)
                .when().post("/customers").then().statusCode(409);
        assertThat(db.count("SELECT count(*) FROM idempotent_request WHERE idempotency_key = ?", key)).isZero();
    }
}
