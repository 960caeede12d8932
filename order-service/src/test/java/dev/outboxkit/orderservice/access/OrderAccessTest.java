package dev.outboxkit.orderservice.access;

import static dev.outboxkit.testkit.AccessTable.ANONYMOUS;
import static dev.outboxkit.testkit.AccessTable.as;
import static dev.outboxkit.testkit.Identities.ALICE;
import static dev.outboxkit.testkit.Identities.CAROL;
import static dev.outboxkit.testkit.Identities.DAVE;
import static dev.outboxkit.testkit.Identities.NOBODY;
import static dev.outboxkit.testkit.Identities.SAM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outboxkit.testkit.Fixtures;
import dev.outboxkit.testkit.AccessTable;
import dev.outboxkit.testkit.AccessTable.Rule;
import dev.outboxkit.testkit.Identities;
import dev.outboxkit.testkit.PublishedEvents;
import dev.outboxkit.testkit.PublishedEvents.Event;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Who may read and change orders and invoices, with real tokens from the stack's Keycloak. A customer's
 * ownership is known here only from the customer events (ownerSubject), never by asking customer-service.
 */
@QuarkusTest
class OrderAccessTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    private Fixtures fixtures;
    private PublishedEvents orderEvents;
    private UUID carolsCustomer;
    private String carolsOrder;
    private String davesOrder;

    @BeforeEach
    void fixtures() {
        Identities.actAnonymously();
        fixtures = new Fixtures(kafka);
        orderEvents = PublishedEvents.on(kafka, "order.events");
        carolsCustomer = knownCustomerOwnedBy(CAROL);
        UUID davesCustomer = knownCustomerOwnedBy(DAVE);
        carolsOrder = place(carolsCustomer, "PO-CAROL-" + UUID.randomUUID());
        as(ALICE).post("/orders/{id}/confirm", carolsOrder).then().statusCode(200);
        davesOrder = place(davesCustomer, "PO-DAVE-" + UUID.randomUUID());
    }

    @AfterEach
    void disconnect() {
        fixtures.close();
        orderEvents.close();
    }

    @Test
    void eachRoleIsAllowedOrRefusedOnEachEndpointKind() {
        List<Rule> rules = new ArrayList<>();
        for (String caller : List.of(ANONYMOUS, NOBODY, DAVE, CAROL, SAM, ALICE)) {
            boolean authenticated = !caller.equals(ANONYMOUS);
            int noRole = authenticated ? 403 : 401;
            boolean customer = caller.equals(CAROL) || caller.equals(DAVE);
            boolean staff = caller.equals(SAM) || caller.equals(ALICE);
            int ownerRead = staff || caller.equals(CAROL) ? 200 : caller.equals(DAVE) ? 404 : noRole;
            int write = caller.equals(ALICE) ? 200 : customer || staff ? 403 : noRole;
            rules.add(new Rule(caller, "GET", "/orders/" + carolsOrder, ownerRead));
            rules.add(new Rule(caller, "GET", "/orders/" + carolsOrder + "/invoice", ownerRead));
            rules.add(new Rule(caller, "GET", "/orders/" + carolsOrder + "/events", ownerRead));
            rules.add(new Rule(caller, "GET", "/customers/" + carolsCustomer + "/orders", ownerRead));
            rules.add(new Rule(caller, "GET", "/orders/" + UUID.randomUUID(), staff || customer ? 404 : noRole));
            rules.add(new Rule(caller, "POST", "/orders", caller.equals(ALICE) ? 201 : customer || staff ? 403 : noRole));
            rules.add(new Rule(caller, "POST", "/orders/" + davesOrder + "/cancel", write));
            rules.add(new Rule(caller, "POST", "/admin/read-model/rebuild", customer || staff && !caller.equals(ALICE) ? 403 : caller.equals(ALICE) ? 200 : noRole));
            rules.add(new Rule(caller, "GET", "/q/health/ready", 200));
        }

        assertThat(AccessTable.mismatches(rules, this::send)).isEmpty();
    }

    @Test
    void anotherCustomersOrderIsNotFoundNotForbidden() {
        as(DAVE).get("/orders/{id}", carolsOrder).then().statusCode(404)
                .contentType(startsWith("application/problem+json"))
                .body("detail", equalTo("No order with id " + carolsOrder + "."));
        as(DAVE).get("/orders/{id}/invoice", carolsOrder).then().statusCode(404);
        as(CAROL).get("/orders/{id}/invoice", carolsOrder).then().statusCode(200)
                .body("customerId", equalTo(carolsCustomer.toString()));
        await().atMost(TIMEOUT).untilAsserted(() -> as(CAROL).get("/customers/{id}/orders", carolsCustomer)
                .then().statusCode(200).body("items.orderId", hasItem(carolsOrder)));
    }

    @Test
    void aRefusedWriteLeavesNoRowAndNoEvent() throws SQLException {
        String refusedPo = "PO-REFUSED-" + UUID.randomUUID();
        for (String caller : List.of(ANONYMOUS, NOBODY, CAROL, SAM)) {
            as(caller).contentType(ContentType.JSON).body(order(carolsCustomer, refusedPo))
                    .post("/orders").then().statusCode(caller.equals(ANONYMOUS) ? 401 : 403);
            as(caller).post("/orders/{id}/cancel", davesOrder).then().statusCode(caller.equals(ANONYMOUS) ? 401 : 403);
        }
        assertThat(count("SELECT count(*) FROM orders WHERE purchase_order_number = ?", refusedPo)).isZero();
        as(ALICE).get("/orders/{id}", davesOrder).then().statusCode(200).body("status", equalTo("CREATED"));

        String marker = place(carolsCustomer, "PO-MARKER-" + UUID.randomUUID());
        orderEvents.awaitEvents(marker, 1);
        List<Event> published = orderEvents.all(Duration.ofSeconds(1));
        assertThat(published).noneMatch(e -> e.raw().contains(refusedPo));
        assertThat(published).noneMatch(e -> e.key().equals(davesOrder) && e.type().equals("OrderStatusChanged"));
    }

    @Test
    void orderEventsAndTheHistoryNameTheUserWhoActed() {
        Event created = orderEvents.awaitEvents(carolsOrder, 1).get(0);
        assertThat(created.payload().get("actor").get("type").asText()).isEqualTo("user");
        assertThat(created.payload().get("actor").get("subject").asText()).isEqualTo(Identities.subject(ALICE));
        await().atMost(TIMEOUT).untilAsserted(() -> as(CAROL).get("/orders/{id}/events", carolsOrder).then().statusCode(200)
                .body("[0].actor.subject", equalTo(Identities.subject(ALICE)))
                .body("[0].actor.type", equalTo("user")));
    }

    /** Publishes a CustomerCreated owned by {@code user} and waits until this service knows the customer. */
    private UUID knownCustomerOwnedBy(String user) {
        UUID customerId = UUID.randomUUID();
        fixtures.publish(Fixtures.customerCreated(customerId, user + " customer", Fixtures.uniqueEmail(user))
                .put("ownerSubject", Identities.subject(user)));
        await().atMost(TIMEOUT).until(() -> count("SELECT count(*) FROM customer_view WHERE customer_id = ?", customerId) == 1);
        return customerId;
    }

    private String place(UUID customerId, String purchaseOrderNumber) {
        return as(ALICE).contentType(ContentType.JSON).body(order(customerId, purchaseOrderNumber))
                .post("/orders").then().statusCode(201).extract().path("id");
    }

    private Response send(Rule rule) {
        RequestSpecification request = as(rule.caller());
        if (rule.path().equals("/orders")) {
            request.contentType(ContentType.JSON).body(order(carolsCustomer, "PO-ROW-" + UUID.randomUUID()));
        }
        return request.request(rule.method(), rule.path());
    }

    private long count(String sql, Object parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static Map<String, Object> order(UUID customerId, String purchaseOrderNumber) {
        return Map.of(
                "purchaseOrderNumber", purchaseOrderNumber,
                "customerId", customerId.toString(),
                "deliveryDate", LocalDate.now().plusDays(7).toString(),
                "lines", List.of(Map.of("product", "Brass gear", "quantity", 1, "unitPrice", 17.0)));
    }
}
