package dev.outboxkit.customerservice.api;

import static dev.outboxkit.testkit.Refusals.assertBadRequestNaming;
import static dev.outboxkit.testkit.Refusals.malformed;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outboxkit.customerservice.support.Api;
import dev.outboxkit.customerservice.support.Database;
import dev.outboxkit.testkit.Identities;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The shapes a client gets wrong, each refused with a 400 problem+json naming the field or parameter, and
 * nothing written: wrong JSON types (never coerced), values that do not parse, unknown properties, parameters
 * that do not parse (400, not 404), a malformed Idempotency-Key. The requests break the OpenAPI document on
 * purpose; their responses are still checked against it.
 */
@QuarkusTest
class MalformedRequestTest {

    @Inject
    Database db;

    @BeforeEach
    void actAsBackOffice() {
        Identities.actAs(Identities.ALICE);
    }

    @Test
    void aSignupOfTheWrongShapeIsRefusedNamingTheFieldAndWritesNothing() {
        String email = Api.uniqueEmail("wrong-shape");
        assertBadRequestNaming(signup(List.of(signupOf(email))), "$", "an object");
        assertBadRequestNaming(signup(with(signupOf(email), "name", Map.of("first", "Ada"))), "name", "a string");
        assertBadRequestNaming(signup(with(signupOf(email), "name", 42)), "name", "a string");
        assertBadRequestNaming(signup(with(signupOf(email), "name", true)), "name", "a string");
        assertBadRequestNaming(signup(with(signupOf(email), "email", List.of(email))), "email", "a string");
        assertBadRequestNaming(signup(with(signupOf(email), "organizationId", "abc")), "organizationId", "a UUID");
        assertBadRequestNaming(signup(with(signupOf(email), "organizationId", 5)), "organizationId", "a UUID");
        assertBadRequestNaming(signup(with(signupOf(email), "nickname", "Ada")), "nickname", "not a property");

        assertThat(db.count("SELECT count(*) FROM customer WHERE email = ?", email)).isZero();
    }

    @Test
    void anUpdateWithAVersionThatIsNotANumberIsRefused() {
        String email = Api.uniqueEmail("versioned");
        String id = Api.createCustomer("Versioned", email, null).getString("id");
        Map<String, Object> update = Api.customerUpdate("Renamed Versioned", email, null, 0);
        update.put("version", "x");
        Response response = malformed().contentType(ContentType.JSON).body(update).put("/customers/{id}", id);
        assertBadRequestNaming(response, "version", "an integer");
        update.put("version", "0");
        assertBadRequestNaming(malformed().contentType(ContentType.JSON).body(update).put("/customers/{id}", id),
                "version", "an integer");

        assertThat(db.count("SELECT count(*) FROM customer WHERE name = 'Renamed Versioned'")).isZero();
    }

    @Test
    void anEmptyOrOverlongIdempotencyKeyIsRefused() throws Exception {
        String email = Api.uniqueEmail("keyed");
        Response tooLong = malformed().contentType(ContentType.JSON).header("Idempotency-Key", "k".repeat(201))
                .body(signupOf(email)).post("/customers");
        assertBadRequestNaming(tooLong, "Idempotency-Key", "1 to 200 characters");
        // RestAssured leaves out a header without a value: an empty one goes through the JDK's client.
        Map<String, String> bodies = Map.of(
                "/customers", "{\"name\":\"Empty Key\",\"email\":\"" + email + "\"}",
                "/organizations", "{\"name\":\"Empty Key\"}");
        for (Map.Entry<String, String> post : bodies.entrySet()) {
            HttpResponse<String> empty = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI
                    + ":" + RestAssured.port + post.getKey()))
                    .header("Authorization", "Bearer " + Identities.token(Identities.ALICE))
                    .header("Content-Type", "application/json").header("Idempotency-Key", "")
                    .POST(HttpRequest.BodyPublishers.ofString(post.getValue()))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(empty.statusCode()).as(empty.body()).isEqualTo(400);
            assertThat(empty.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(empty.body()).contains("\"field\":\"Idempotency-Key\"").contains("1 to 200 characters");
        }

        assertThat(db.count("SELECT count(*) FROM customer WHERE email = ?", email)).isZero();
        assertThat(db.count("SELECT count(*) FROM organization WHERE name = 'Empty Key'")).isZero();
    }

    /**
     * A JSON body is read whole before dispatch (web-support's JsonBodyFirst), up to the HTTP limit: one beyond it is a
     * 413 problem+json, as the OpenAPI document says, and nothing is written. Sent chunked over HTTP/1.1 (the pre-read's
     * protocol), so no Content-Length lets the server refuse it before reading. (HTTP/2 POSTs, which keep Quarkus REST's
     * own read, are what {@link #anEmptyOrOverlongIdempotencyKeyIsRefused} sends: Java's client upgrades to h2c.)
     */
    @Test
    void aBodyBeyondTheLimitIsRefusedWith413ProblemJson() throws Exception {
        String email = Api.uniqueEmail("too-large");
        String body = "{\"name\":\"" + "a".repeat(10 * 1024 * 1024 + 1) + "\",\"email\":\"" + email + "\"}";
        HttpResponse<String> tooLarge = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(URI.create(RestAssured.baseURI
                + ":" + RestAssured.port + "/customers"))
                .header("Authorization", "Bearer " + Identities.token(Identities.ALICE))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(
                        body.getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(tooLarge.statusCode()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(tooLarge.body()).contains("\"status\":413", "\"instance\":\"/customers\"", "larger than the 10485760 bytes");
        assertThat(db.count("SELECT count(*) FROM customer WHERE email = ?", email)).isZero();
        assertThat(RestAssured.get("/q/openapi?format=json").jsonPath().getMap("paths.'/customers'.post.responses"))
                .containsKey("413");
    }

    @Test
    void parametersThatDoNotParseAreRefusedNamingThemNotNotFound() {
        assertBadRequestNaming(malformed().queryParam("size", "abc").get("/customers"), "size", "an integer");
        assertBadRequestNaming(malformed().queryParam("page", "1.5").get("/customers"), "page", "an integer");
        assertBadRequestNaming(malformed().queryParam("organizationId", "xyz").get("/customers"), "organizationId", "a UUID");
        assertBadRequestNaming(malformed().queryParam("active", "maybe").get("/customers"), "active", "true or false");
        assertBadRequestNaming(malformed().get("/customers/not-a-uuid"), "id", "a UUID");
        assertBadRequestNaming(malformed().get("/organizations/not-a-uuid"), "id", "a UUID");
        assertBadRequestNaming(malformed().queryParam("size", "abc").get("/organizations"), "size", "an integer");
        assertBadRequestNaming(malformed().post("/customers/{id}/deactivation", "42"), "id", "a UUID");
    }

    private static Response signup(Object body) {
        return malformed().contentType(ContentType.JSON).body(body).post("/customers");
    }

    private static Map<String, Object> signupOf(String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Wrong Shape");
        body.put("email", email);
        return body;
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }
}
