package dev.outboxkit.customerservice.customer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.outboxkit.customerservice.support.Api;
import dev.outboxkit.customerservice.support.EventsTest;
import dev.outboxkit.testkit.OpenApiContract;
import dev.outboxkit.testkit.PublishedEvents.Event;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class CustomerLifecycleTest extends EventsTest {

    @Test
    void everyCommittedChangeIsPublishedInOrderWithAGaplessSequence() {
        String orgId = Api.createOrganization(Api.uniqueName("Analytical Engines")).getString("id");
        String email = Api.uniqueEmail("charles");
        JsonPath created = Api.createCustomer("Charles Babbage", email, null);
        String id = created.getString("id");

        JsonPath renamed = given().contentType(ContentType.JSON)
                .body(Api.customerUpdate("Charles B.", email, null, created.getLong("version")))
                .when().put("/customers/{id}", id)
                .then().statusCode(200).body("name", equalTo("Charles B.")).extract().jsonPath();
        assertThat(renamed.getLong("version")).isGreaterThan(created.getLong("version"));

        String newEmail = Api.uniqueEmail("babbage");
        JsonPath moved = given().contentType(ContentType.JSON)
                .body(Api.customerUpdate("Charles B.", newEmail, orgId, renamed.getLong("version")))
                .when().put("/customers/{id}", id)
                .then().statusCode(200).body("organizationId", equalTo(orgId)).extract().jsonPath();

        // Same values again: nothing changed, so nothing is published and the version stays.
        given().contentType(ContentType.JSON)
                .body(Api.customerUpdate("Charles B.", newEmail, orgId, moved.getLong("version")))
                .when().put("/customers/{id}", id)
                .then().statusCode(200).body("version", equalTo(moved.getInt("version")));

        given().when().post("/customers/{id}/deactivation", id)
                .then().statusCode(200).body("active", equalTo(false));
        given().when().post("/customers/{id}/deactivation", id).then().statusCode(200);

        List<Event> events = customerEvents.awaitEvents(id, 4);
        assertThat(events).extracting(Event::type)
                .containsExactly("CustomerCreated", "CustomerUpdated", "CustomerUpdated", "CustomerDeactivated");
        assertThat(events).extracting(Event::sequence).containsExactly(1L, 2L, 3L, 4L);
        assertThat(events.get(1).payload().get("changedFields")).hasSize(1);
        assertThat(events.get(1).payload().get("changedFields").get(0).asText()).isEqualTo("name");
        assertThat(events.get(2).payload().get("changedFields").toString()).contains("email", "organizationId");
        assertThat(events.get(2).payload().get("email").asText()).isEqualTo(newEmail);
        // The no-op update and the repeated deactivation published nothing.
        assertThat(customerEvents.allFor(id, Duration.ofSeconds(1))).hasSize(4);
    }

    @Test
    void staleVersionIsAConflictAndChangesNothing() {
        JsonPath created = Api.createCustomer("Stale Reader", Api.uniqueEmail("stale"), null);
        String id = created.getString("id");
        long version = created.getLong("version");
        given().contentType(ContentType.JSON)
                .body(Api.customerUpdate("First Writer", created.getString("email"), null, version))
                .when().put("/customers/{id}", id).then().statusCode(200);

        given().contentType(ContentType.JSON)
                .body(Api.customerUpdate("Second Writer", created.getString("email"), null, version))
                .when().put("/customers/{id}", id)
                .then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Stale version"));

        given().when().get("/customers/{id}", id).then().body("name", equalTo("First Writer"));
        assertThat(customerEvents.awaitEvents(id, 2)).extracting(Event::type)
                .containsExactly("CustomerCreated", "CustomerUpdated");
    }

    @Test
    void deactivatedCustomerCannotChange() {
        JsonPath created = Api.createCustomer("Gone Soon", Api.uniqueEmail("gone"), null);
        String id = created.getString("id");
        long version = given().when().post("/customers/{id}/deactivation", id)
                .then().statusCode(200).extract().jsonPath().getLong("version");

        given().contentType(ContentType.JSON)
                .body(Api.customerUpdate("Back Again", created.getString("email"), null, version))
                .when().put("/customers/{id}", id)
                .then().statusCode(409).body("title", equalTo("Customer is deactivated"));
    }

    @Test
    void invalidUpdateNamesTheFieldAndUnknownOrganizationIsUnprocessable() {
        JsonPath created = Api.createCustomer("Careful Editor", Api.uniqueEmail("careful"), null);
        String id = created.getString("id");

        given().filter(OpenApiContract.malformedRequest()).contentType(ContentType.JSON)
                .body(Api.customerUpdate("", created.getString("email"), null, created.getLong("version")))
                .when().put("/customers/{id}", id)
                .then().statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("violations.field", hasItem("name"));

        given().contentType(ContentType.JSON)
                .body(Api.customerUpdate("Careful Editor", created.getString("email"), UUID.randomUUID().toString(),
                        created.getLong("version")))
                .when().put("/customers/{id}", id)
                .then().statusCode(422)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Unknown organization"));

        given().contentType(ContentType.JSON)
                .body(Api.customerUpdate("Nobody", Api.uniqueEmail("nobody"), null, 0))
                .when().put("/customers/{id}", UUID.randomUUID())
                .then().statusCode(404).body("title", equalTo("Customer not found"));
    }

    @Test
    void listsFilterByEmailOrganizationAndActiveWithPaging() {
        String orgId = Api.createOrganization(Api.uniqueName("Listing Ltd")).getString("id");
        String first = Api.createCustomer("List One", Api.uniqueEmail("list-one"), orgId).getString("id");
        String second = Api.createCustomer("List Two", Api.uniqueEmail("list-two"), orgId).getString("id");
        String third = Api.createCustomer("List Three", Api.uniqueEmail("list-three"), orgId).getString("id");
        given().when().post("/customers/{id}/deactivation", third).then().statusCode(200);

        given().queryParam("organizationId", orgId).queryParam("size", 2)
                .when().get("/customers")
                .then().statusCode(200)
                .body("totalItems", equalTo(3)).body("totalPages", equalTo(2))
                .body("items.id", org.hamcrest.Matchers.contains(first, second));
        given().queryParam("organizationId", orgId).queryParam("size", 2).queryParam("page", 1)
                .when().get("/customers")
                .then().body("items.id", org.hamcrest.Matchers.contains(third));
        given().queryParam("organizationId", orgId).queryParam("active", true)
                .when().get("/customers")
                .then().body("totalItems", equalTo(2));
        String email = given().when().get("/customers/{id}", second).then().extract().path("email");
        given().queryParam("email", email.toUpperCase())
                .when().get("/customers")
                .then().body("items.id", org.hamcrest.Matchers.contains(second));
        given().filter(OpenApiContract.malformedRequest()).queryParam("size", 500)
                .when().get("/customers")
                .then().statusCode(400).body("violations.field", hasItem("size"));
    }
}
