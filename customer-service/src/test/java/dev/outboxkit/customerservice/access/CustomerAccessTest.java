package dev.outboxkit.customerservice.access;

import static dev.outboxkit.testkit.AccessTable.ANONYMOUS;
import static dev.outboxkit.testkit.AccessTable.as;
import static dev.outboxkit.testkit.AccessTable.bearer;
import static dev.outboxkit.testkit.Identities.ALICE;
import static dev.outboxkit.testkit.Identities.CAROL;
import static dev.outboxkit.testkit.Identities.DAVE;
import static dev.outboxkit.testkit.Identities.NOBODY;
import static dev.outboxkit.testkit.Identities.SAM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outboxkit.customerservice.support.Api;
import dev.outboxkit.customerservice.support.Database;
import dev.outboxkit.customerservice.support.EventsTest;
import dev.outboxkit.testkit.AccessTable;
import dev.outboxkit.testkit.AccessTable.Rule;
import dev.outboxkit.testkit.Identities;
import dev.outboxkit.testkit.PublishedEvents.Event;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Who may do what in customer-service, with real tokens from the stack's Keycloak: one row per caller and
 * endpoint kind. 401 without a valid token, 403 for a role that may not, 404 for another customer's data.
 */
@QuarkusTest
class CustomerAccessTest extends EventsTest {

    @Inject
    Database db;

    private String otherCustomer;
    private String carolsCustomer;
    private String organization;

    @BeforeEach
    void fixtures() {
        otherCustomer = Api.createCustomer("Someone Else", Api.uniqueEmail("someone"), null).getString("id");
        organization = Api.createOrganization(Api.uniqueName("Access Org")).getString("id");
        // From here on every request names its caller; none inherits the back-office token.
        Identities.actAnonymously();
        carolsCustomer = profileOf(CAROL);
    }

    @Test
    void eachRoleIsAllowedOrRefusedOnEachEndpointKind() {
        List<Rule> rules = new ArrayList<>();
        for (String caller : List.of(ANONYMOUS, NOBODY, CAROL, SAM, ALICE)) {
            boolean authenticated = !caller.equals(ANONYMOUS);
            int noRole = authenticated ? 403 : 401;
            boolean staff = caller.equals(SAM) || caller.equals(ALICE);
            boolean backOffice = caller.equals(ALICE);
            rules.add(new Rule(caller, "GET", "/customers", staff ? 200 : caller.equals(CAROL) ? 403 : noRole));
            rules.add(new Rule(caller, "GET", "/customers/" + otherCustomer, staff ? 200 : caller.equals(CAROL) ? 404 : noRole));
            rules.add(new Rule(caller, "GET", "/customers/" + carolsCustomer, staff || caller.equals(CAROL) ? 200 : noRole));
            rules.add(new Rule(caller, "GET", "/customers/" + UUID.randomUUID(), authenticated && !caller.equals(NOBODY) ? 404 : noRole));
            rules.add(new Rule(caller, "PUT", "/customers/" + otherCustomer, backOffice ? 200 : caller.equals(CAROL) || staff ? 403 : noRole));
            rules.add(new Rule(caller, "POST", "/customers/" + otherCustomer + "/deactivation",
                    backOffice ? 200 : caller.equals(CAROL) || staff ? 403 : noRole));
            rules.add(new Rule(caller, "GET", "/organizations", staff ? 200 : caller.equals(CAROL) ? 403 : noRole));
            rules.add(new Rule(caller, "GET", "/organizations/" + organization, staff ? 200 : caller.equals(CAROL) ? 403 : noRole));
            rules.add(new Rule(caller, "POST", "/organizations", backOffice ? 201 : caller.equals(CAROL) || staff ? 403 : noRole));
            rules.add(new Rule(caller, "PUT", "/organizations/" + organization,
                    backOffice ? 200 : caller.equals(CAROL) || staff ? 403 : noRole));
            rules.add(new Rule(caller, "POST", "/customers", backOffice ? 201 : caller.equals(CAROL) ? 409 : noRole));
            rules.add(new Rule(caller, "GET", "/q/health/ready", 200));
        }
        // deactivation must come last for the PUT rows to stay valid: run the table in that order
        rules.sort((a, b) -> Boolean.compare(a.path().endsWith("/deactivation"), b.path().endsWith("/deactivation")));

        assertThat(AccessTable.mismatches(rules, this::send)).isEmpty();
    }

    @Test
    void aRefusedWriteLeavesNoRowAndNoEvent() {
        Map<String, String> refusedEmails = new HashMap<>();
        for (String caller : List.of(ANONYMOUS, NOBODY, SAM)) {
            String email = Api.uniqueEmail("refused-" + caller);
            refusedEmails.put(caller, email);
            as(caller).contentType(ContentType.JSON).header("Idempotency-Key", "refused-" + UUID.randomUUID())
                    .body(Map.of("name", "Refused Signup", "email", email))
                    .post("/customers").then().statusCode(caller.equals(ANONYMOUS) ? 401 : 403);
        }
        String refusedName = Api.uniqueName("Refused Rename");
        as(SAM).contentType(ContentType.JSON).body(Map.of("name", refusedName, "version", 0))
                .put("/organizations/{id}", organization).then().statusCode(403);
        as(CAROL).contentType(ContentType.JSON).body(Api.customerUpdate(refusedName, Api.uniqueEmail("x"), null, 0))
                .put("/customers/{id}", carolsCustomer).then().statusCode(403);

        for (String email : refusedEmails.values()) {
            assertThat(db.count("SELECT count(*) FROM customer WHERE email = ?", email)).as(email).isZero();
        }
        assertThat(db.count("SELECT count(*) FROM organization WHERE name = ?", refusedName)).isZero();
        assertThat(db.count("SELECT count(*) FROM customer WHERE name = ?", refusedName)).isZero();
        assertThat(db.count("SELECT count(*) FROM idempotent_request WHERE idempotency_key LIKE 'refused-%'")).isZero();

        // Events leave in commit order: once a later marker's event is out, a refused one would be too.
        String marker = Api.uniqueEmail("after-refusals");
        as(ALICE).contentType(ContentType.JSON).body(Map.of("name", "After Refusals", "email", marker))
                .post("/customers").then().statusCode(201);
        customerEvents.awaitEvent(e -> e.raw().contains(marker));
        List<Event> published = customerEvents.all(Duration.ofSeconds(1));
        for (String email : refusedEmails.values()) {
            assertThat(published).noneMatch(e -> e.raw().contains(email));
        }
        assertThat(published).noneMatch(e -> e.raw().contains(refusedName));
        assertThat(organizationEvents.all(Duration.ofMillis(200))).noneMatch(e -> e.raw().contains(refusedName));
    }

    @Test
    void aCustomerReadsOnlyTheirOwnProfile() {
        as(CAROL).get("/customers/me").then().statusCode(200)
                .body("id", equalTo(carolsCustomer))
                .body("ownerSubject", equalTo(Identities.subject(CAROL)));
        as(DAVE).get("/customers/{id}", carolsCustomer).then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("No customer with id " + carolsCustomer + "."));
        as(NOBODY).get("/customers/me").then().statusCode(403);
    }

    @Test
    void aCustomerSignsUpOnlyThemselvesAndOnlyOnce() {
        as(DAVE).contentType(ContentType.JSON)
                .body(Map.of("name", "Dave Impostor", "email", Api.uniqueEmail("impostor"), "ownerSubject", Identities.subject(CAROL)))
                .post("/customers").then().statusCode(403)
                .body("detail", equalTo("A customer can sign up only themselves."));

        String davesProfile = profileOfSelfSignup(DAVE);
        as(DAVE).get("/customers/me").then().statusCode(200)
                .body("id", equalTo(davesProfile))
                .body("ownerSubject", equalTo(Identities.subject(DAVE)));
        as(DAVE).contentType(ContentType.JSON).body(Map.of("name", "Dave Again", "email", Api.uniqueEmail("dave-again")))
                .post("/customers").then().statusCode(409).body("title", equalTo("Profile exists"));
    }

    @Test
    void everyEventNamesTheUserWhoCausedItAndTheProfilesOwner() {
        String email = Api.uniqueEmail("actor");
        String id = as(ALICE).contentType(ContentType.JSON)
                .body(Map.of("name", "Actor Probe", "email", email, "ownerSubject", "external-user-" + UUID.randomUUID()))
                .post("/customers").then().statusCode(201).extract().path("id");
        long version = as(ALICE).get("/customers/{id}", id).then().extract().jsonPath().getLong("version");
        as(ALICE).contentType(ContentType.JSON).body(Api.customerUpdate("Actor Probe Renamed", email, null, version))
                .put("/customers/{id}", id).then().statusCode(200);

        List<Event> events = customerEvents.awaitEvents(id, 2);
        for (Event event : events) {
            assertThat(event.payload().get("actor").get("type").asText()).isEqualTo("user");
            assertThat(event.payload().get("actor").get("subject").asText()).isEqualTo(Identities.subject(ALICE));
            assertThat(event.payload().get("ownerSubject").asText()).startsWith("external-user-");
            assertThat(event.raw()).doesNotContain(Identities.token(ALICE));
        }
    }

    @Test
    void expiredTamperedAndForeignTokensGet401WithAChallenge() throws InterruptedException {
        String shortLived = Identities.freshToken(ALICE, Identities.SHORT_LIVED_CLIENT);
        String valid = Identities.token(ALICE);
        String[] parts = valid.split("\\.");
        String tamperedPayload = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2)
                + (parts[1].endsWith("A") ? "BB" : "AA") + "." + parts[2];
        String unsigned = parts[0] + "." + parts[1] + ".";

        bearer(shortLived).get("/customers").then().statusCode(200);
        Thread.sleep(3_500);
        for (String token : List.of(shortLived, tamperedPayload, unsigned, "not-a-jwt")) {
            bearer(token).get("/customers").then().statusCode(401)
                    .contentType(startsWith("application/problem+json"))
                    .header("WWW-Authenticate", startsWith("Bearer error=\"invalid_token\""))
                    .body("status", equalTo(401));
        }
        given().get("/customers").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("title", equalTo("Unauthorized"));
    }

    @Test
    void openApiDeclaresTheSecuritySchemeAndEachOperationsRequirement() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.keycloak.type", equalTo("openIdConnect"))
                .body("components.securitySchemes.keycloak.openIdConnectUrl", startsWith(Identities.keycloakUrl()))
                .body("paths.'/customers'.post.security[0]", hasKey("keycloak"))
                .body("paths.'/customers/{id}'.get.security[0]", hasKey("keycloak"))
                .body("paths.'/organizations'.get.security[0]", hasKey("keycloak"));
    }

    /** Carol's profile, linked to her user by back-office once per stack. */
    private String profileOf(String user) {
        Response mine = as(user).get("/customers/me");
        if (mine.statusCode() == 200) {
            return mine.jsonPath().getString("id");
        }
        return as(ALICE).contentType(ContentType.JSON)
                .body(Map.of("name", user + " (demo customer)", "email", Api.uniqueEmail(user), "ownerSubject",
                        Identities.subject(user)))
                .post("/customers").then().statusCode(201).extract().path("id");
    }

    private String profileOfSelfSignup(String user) {
        Response mine = as(user).get("/customers/me");
        if (mine.statusCode() == 200) {
            return mine.jsonPath().getString("id");
        }
        return as(user).contentType(ContentType.JSON).body(Map.of("name", "Dave Self", "email", Api.uniqueEmail(user)))
                .post("/customers").then().statusCode(201)
                .body("ownerSubject", equalTo(Identities.subject(user)))
                .extract().path("id");
    }

    private Response send(Rule rule) {
        RequestSpecification request = as(rule.caller()).contentType(ContentType.JSON);
        if (rule.method().equals("PUT") && rule.path().startsWith("/customers/")) {
            long version = as(ALICE).get(rule.path()).then().extract().jsonPath().getLong("version");
            request.body(Api.customerUpdate(Api.uniqueName("Renamed"), Api.uniqueEmail("renamed"), null, version));
        } else if (rule.method().equals("PUT")) {
            long version = as(ALICE).get(rule.path()).then().extract().jsonPath().getLong("version");
            request.body(Map.of("name", Api.uniqueName("Renamed Org"), "version", version));
        } else if (rule.method().equals("POST") && rule.path().equals("/customers")) {
            request.body(Map.of("name", "Table Row", "email", Api.uniqueEmail("row")));
        } else if (rule.method().equals("POST") && rule.path().equals("/organizations")) {
            request.body(Map.of("name", Api.uniqueName("Row Org")));
        }
        return request.request(rule.method(), rule.path());
    }
}
