package dev.outboxkit.customerservice.idempotency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.outboxkit.customerservice.support.Api;
import dev.outboxkit.customerservice.support.Database;
import dev.outboxkit.customerservice.support.EventsTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * A key replays its first response for idempotency.key-retention (24 h by default) and is a new request after
 * that, as docs/operations.md says: whether or not the pruning job has removed it yet.
 */
@QuarkusTest
class KeyExpiryTest extends EventsTest {

    @Inject
    Database db;

    @Test
    void aKeyWithinTheWindowReplaysAndAnExpiredOneIsANewRequest() throws Exception {
        String key = UUID.randomUUID().toString();
        String email = Api.uniqueEmail("expiry");
        Map<String, String> body = Map.of("name", "Expiring Key", "email", email);

        Response first = post(key, body);
        assertThat(first.statusCode()).isEqualTo(201);
        String id = first.jsonPath().getString("id");

        age(key, Duration.ofHours(23));
        Response withinWindow = post(key, body);
        assertThat(withinWindow.statusCode()).isEqualTo(201);
        assertThat(withinWindow.header(StoredResponse.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(withinWindow.body().asString()).isEqualTo(first.body().asString());

        // Expired, not pruned yet: the same request runs again and meets the customer it created (409), so the
        // client learns that the first attempt went through; nothing new is written or published.
        age(key, Duration.ofHours(25));
        Response expired = post(key, body);
        expired.then().statusCode(409).body("title", equalTo("Email already registered"));
        assertThat(expired.header(StoredResponse.REPLAYED_HEADER)).isNull();
        assertThat(db.count("SELECT count(*) FROM customer WHERE email = ?", email)).isEqualTo(1);
        customerEvents.awaitEvents(id, 1);
        assertThat(customerEvents.allFor(id, Duration.ofSeconds(1))).hasSize(1);

        // Expired, another request: no 422 for reuse; the key is simply taken again.
        String other = Api.uniqueEmail("expiry-reuse");
        Response reused = post(key, Map.of("name", "Second Use", "email", other));
        assertThat(reused.statusCode()).isEqualTo(201);
        assertThat(reused.header(StoredResponse.REPLAYED_HEADER)).isNull();
        assertThat(db.count("SELECT count(*) FROM customer WHERE email = ?", other)).isEqualTo(1);
        // ...and it replays that new response from now on.
        Response replay = post(key, Map.of("name", "Second Use", "email", other));
        assertThat(replay.header(StoredResponse.REPLAYED_HEADER)).isEqualTo("true");
        assertThat(replay.body().asString()).isEqualTo(reused.body().asString());
    }

    private static Response post(String key, Map<String, String> body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", key).body(body).when().post("/customers");
    }

    private void age(String key, Duration age) {
        db.execute("UPDATE idempotent_request SET created_at = now() - interval '" + age.toSeconds() + " seconds' "
                + "WHERE idempotency_key = '" + key + "'");
    }
}
