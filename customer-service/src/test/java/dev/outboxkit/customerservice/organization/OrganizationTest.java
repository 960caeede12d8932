package dev.outboxkit.customerservice.organization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.outboxkit.customerservice.support.Api;
import dev.outboxkit.customerservice.support.EventsTest;
import dev.outboxkit.testkit.PublishedEvents.Event;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class OrganizationTest extends EventsTest {

    @Test
    void createAndRenamePublishOrderedEvents() {
        String name = Api.uniqueName("Difference Engines");
        JsonPath created = Api.createOrganization(name);
        String id = created.getString("id");
        String newName = Api.uniqueName("Analytical Engines");

        given().contentType(ContentType.JSON).body(Map.of("name", newName, "version", created.getLong("version")))
                .when().put("/organizations/{id}", id)
                .then().statusCode(200).body("name", equalTo(newName));

        List<Event> events = organizationEvents.awaitEvents(id, 2);
        assertThat(events).extracting(Event::type).containsExactly("OrganizationCreated", "OrganizationRenamed");
        assertThat(events).extracting(Event::sequence).containsExactly(1L, 2L);
        assertThat(events.get(1).payload().get("previousName").asText()).isEqualTo(name);
        assertThat(events.get(1).payload().get("name").asText()).isEqualTo(newName);

        given().queryParam("size", 100).when().get("/organizations")
                .then().statusCode(200).body("items.name", hasItem(newName));
    }

    @Test
    void staleRenameAndDuplicateNameAreConflicts() {
        String taken = Api.uniqueName("Taken Name");
        Api.createOrganization(taken);
        JsonPath created = Api.createOrganization(Api.uniqueName("Renamed Twice"));
        String id = created.getString("id");
        long version = created.getLong("version");

        given().contentType(ContentType.JSON).body(Map.of("name", taken.toUpperCase(), "version", version))
                .when().put("/organizations/{id}", id)
                .then().statusCode(409).body("title", equalTo("Organization name taken"));
        given().contentType(ContentType.JSON).body(Map.of("name", Api.uniqueName("First"), "version", version))
                .when().put("/organizations/{id}", id).then().statusCode(200);
        given().contentType(ContentType.JSON).body(Map.of("name", Api.uniqueName("Second"), "version", version))
                .when().put("/organizations/{id}", id)
                .then().statusCode(409)
                .contentType(startsWith("application/problem+json"))
                .body("title", equalTo("Stale version"));
        given().contentType(ContentType.JSON).body(Map.of("name", taken))
                .when().post("/organizations")
                .then().statusCode(409);
    }
}
