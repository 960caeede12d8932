package dev.outboxkit.customerservice.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.testkit.Contracts;
import dev.outboxkit.testkit.TopicTail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Runs against the local stack's real PostgreSQL, Debezium relay and Kafka (src-deploy/stack). */
@QuarkusTest
class CustomerSignupTest {

    private static final Duration RELAY_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    DataSource db;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "test.kafka.bootstrap.servers")
    String kafka;

    private TopicTail topic;

    @BeforeEach
    void tailTopic() {
        topic = TopicTail.open(kafka, "customer.events");
    }

    @AfterEach
    void closeTail() {
        topic.close();
    }

    @Test
    void signupPublishesCustomerCreatedThatMatchesItsContract() throws Exception {
        String email = unique("ada") + "@example.com";

        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Ada Lovelace", "email", email))
                .when().post("/customers")
                .then().statusCode(201)
                .header("Location", containsString("/customers/"))
                .body("email", equalTo(email))
                .extract().path("id");

        ConsumerRecord<String, String> record = topic.awaitRecord(r -> id.equals(r.key()), RELAY_TIMEOUT);
        JsonNode payload = mapper.readTree(record.value());
        assertThat(Contracts.violations("customer", "CustomerCreated", 1, payload)).isEmpty();
        assertThat(payload.get("customerId").asText()).isEqualTo(id);
        assertThat(payload.get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(payload.get("email").asText()).isEqualTo(email);
        assertThat(payload.get("sequence").asLong()).isEqualTo(1);
        assertThat(TopicTail.header(record, "id")).isEqualTo(payload.get("eventId").asText());
        assertThat(TopicTail.header(record, "eventType")).isEqualTo("CustomerCreated");

        given().when().get("/customers/{id}", id)
                .then().statusCode(200).body("name", equalTo("Ada Lovelace"));
    }

    @Test
    void invalidEmailGetsProblemDetailsAndWritesNothing() throws SQLException {
        String badEmail = unique("not-an-email");

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Bad Input", "email", badEmail))
                .when().post("/customers")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("violations.field", hasItem("email"));

        assertThat(customersWithEmail(badEmail)).isZero();

        // A valid sign-up right after it: once its event is out, an event of the rejected request would be too.
        String marker = unique("after-bad") + "@example.com";
        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Valid After Bad", "email", marker))
                .when().post("/customers")
                .then().statusCode(201);
        topic.awaitRecord(r -> r.value().contains(marker), RELAY_TIMEOUT);
        List<ConsumerRecord<String, String>> published = topic.drain(Duration.ofSeconds(1));
        assertThat(published).noneMatch(r -> r.value().contains(badEmail));
    }

    @Test
    void duplicateEmailIsAConflict() throws SQLException {
        String email = unique("twice") + "@example.com";
        Map<String, String> body = Map.of("name", "Twice", "email", email);
        given().contentType(ContentType.JSON).body(body).when().post("/customers").then().statusCode(201);

        given().contentType(ContentType.JSON).body(Map.of("name", "Twice Again", "email", email.toUpperCase()))
                .when().post("/customers")
                .then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Email already registered"));
        assertThat(customersWithEmail(email)).isEqualTo(1);
    }

    @Test
    void malformedJsonGetsProblemDetails() {
        given().contentType(ContentType.JSON).body("{\"name\": \"Half")
                .when().post("/customers")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Malformed JSON"));
    }

    @Test
    void unknownCustomerIsNotFoundProblem() {
        given().when().get("/customers/{id}", UUID.randomUUID())
                .then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Customer not found"));
    }

    private long customersWithEmail(String email) throws SQLException {
        try (Connection c = db.getConnection();
                PreparedStatement q = c.prepareStatement("SELECT count(*) FROM customer WHERE lower(email) = lower(?)")) {
            q.setString(1, email);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
