package dev.outboxkit.customerservice.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.outboxkit.customerservice.support.Api;
import dev.outboxkit.customerservice.support.Database;
import dev.outboxkit.customerservice.support.EventsTest;
import dev.outboxkit.testkit.OpenApiContract;
import dev.outboxkit.testkit.PublishedEvents.Event;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;

/** Runs against the local stack's real PostgreSQL, Debezium relay and Kafka (src-deploy/stack). */
@QuarkusTest
class CustomerSignupTest extends EventsTest {

    @Inject
    Database db;

    @Test
    void signupPublishesCustomerCreatedKeyedByCustomerWithIdAndTypeHeaders() {
        String email = Api.uniqueEmail("ada");

        String id = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Ada Lovelace", "email", email))
                .when().post("/customers")
                .then().statusCode(201)
                .header("Location", containsString("/customers/"))
                .body("email", equalTo(email))
                .body("active", equalTo(true))
                .extract().path("id");

        Event created = customerEvents.awaitEvents(id, 1).get(0);
        assertThat(created.type()).isEqualTo("CustomerCreated");
        assertThat(created.id()).isEqualTo(created.payload().get("eventId").asText());
        assertThat(created.payload().get("customerId").asText()).isEqualTo(id);
        assertThat(created.payload().get("name").asText()).isEqualTo("Ada Lovelace");
        assertThat(created.payload().get("email").asText()).isEqualTo(email);
        assertThat(created.sequence()).isEqualTo(1);

        given().when().get("/customers/{id}", id)
                .then().statusCode(200).body("name", equalTo("Ada Lovelace"));
    }

    @Test
    void invalidEmailGetsProblemDetailsAndWritesNothing() {
        String badEmail = "not-an-email-" + UUID.randomUUID();

        given().filter(OpenApiContract.malformedRequest()).contentType(ContentType.JSON)
                .body(Map.of("name", "Bad Input", "email", badEmail))
                .when().post("/customers")
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("violations.field", hasItem("email"));

        assertThat(db.count("SELECT count(*) FROM customer WHERE email = ?", badEmail)).isZero();

        // A valid sign-up right after it: once its event is out, an event of the rejected request would be too.
        String marker = Api.uniqueEmail("after-bad");
        Api.createCustomer("Valid After Bad", marker, null);
        customerEvents.awaitEvent(e -> e.raw().contains(marker));
        assertThat(customerEvents.all(Duration.ofSeconds(1))).noneMatch(e -> e.raw().contains(badEmail));
    }

    @Test
    void duplicateEmailIsAConflict() {
        String email = Api.uniqueEmail("twice");
        Api.createCustomer("Twice", email, null);

        given().contentType(ContentType.JSON).body(Map.of("name", "Twice Again", "email", email.toUpperCase()))
                .when().post("/customers")
                .then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Email already registered"));
        assertThat(db.count("SELECT count(*) FROM customer WHERE email = ?", email)).isEqualTo(1);
    }

    @Test
    void malformedJsonGetsProblemDetails() {
        given().filter(OpenApiContract.malformedRequest()).contentType(ContentType.JSON).body("{\"name\": \"Half")
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
}
