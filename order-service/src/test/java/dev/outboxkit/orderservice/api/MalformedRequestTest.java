package dev.outboxkit.orderservice.api;

import static dev.outboxkit.testkit.Refusals.assertBadRequestNaming;
import static dev.outboxkit.testkit.Refusals.malformed;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outboxkit.testkit.Fixtures;
import dev.outboxkit.testkit.Identities;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The shapes a client gets wrong, each refused with a 400 problem+json naming the field or parameter, and no
 * order written for a customer that could order: wrong JSON types (never coerced), values that do not parse, a
 * delivery date in the past, unknown properties, parameters that do not parse (400, not 404). The requests break
 * the OpenAPI document on purpose; their responses are still checked against it.
 */
@QuarkusTest
class MalformedRequestTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String kafka;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void actAsBackOffice() {
        Identities.actAs(Identities.ALICE);
    }

    @Test
    void anOrderOfTheWrongShapeIsRefusedNamingTheFieldAndWritesNothing() {
        UUID customerId = knownCustomer();
        String po = "PO-WRONG-" + UUID.randomUUID();
        Map<String, Object> order = order(customerId, po);

        assertBadRequestNaming(place(with(order, "customerId", "null")), "customerId", "a UUID");
        assertBadRequestNaming(place(with(order, "customerId", 5)), "customerId", "a UUID");
        assertBadRequestNaming(place(with(order, "purchaseOrderNumber", 42)), "purchaseOrderNumber", "a string");
        assertBadRequestNaming(place(with(order, "deliveryDate", "tomorrow")), "deliveryDate", "a date");
        assertBadRequestNaming(place(with(order, "deliveryDate", "2030-02-30")), "deliveryDate", "a date");
        assertBadRequestNaming(place(with(order, "deliveryDate", "1999-01-01")), "deliveryDate", null);
        assertBadRequestNaming(place(with(order, "lines", Map.of())), "lines", "an array");
        assertBadRequestNaming(place(with(order, "lines", List.of(line("two", 9.5)))), "lines[0].quantity", "an integer");
        assertBadRequestNaming(place(with(order, "lines", List.of(line(2.5, 9.5)))), "lines[0].quantity", "an integer");
        assertBadRequestNaming(place(with(order, "lines", List.of(line(2, "9.50")))), "lines[0].unitPrice", "a number");
        assertBadRequestNaming(place(with(order, "lines", List.of(line(2, 9.5), line(0, 9.5)))), "lines[1].quantity", null);
        assertBadRequestNaming(place(with(order, "discount", 10)), "discount", "not a property");
        assertBadRequestNaming(place(List.of(order)), "$", "an object");

        assertThat(count("SELECT count(*) FROM orders WHERE purchase_order_number = ?", po)).isZero();
        // The same order, well-formed, is placed: the refusals were about the shapes only.
        given().contentType(ContentType.JSON).body(order).post("/orders").then().statusCode(201);
    }

    @Test
    void parametersThatDoNotParseAreRefusedNamingThemNotNotFound() {
        UUID order = UUID.randomUUID();
        assertBadRequestNaming(malformed().get("/orders/not-a-uuid"), "id", "a UUID");
        assertBadRequestNaming(malformed().queryParam("asOf", "yesterday").get("/orders/{id}", order), "asOf", "date-time");
        assertBadRequestNaming(malformed().post("/orders/{id}/confirm", "123"), "id", "a UUID");
        assertBadRequestNaming(malformed().get("/orders/{id}/events", "x"), "id", "a UUID");
        assertBadRequestNaming(malformed().get("/customers/{id}/orders", "nope"), "customerId", "a UUID");
        String orders = "/customers/" + UUID.randomUUID() + "/orders";
        assertBadRequestNaming(malformed().queryParam("status", "BOGUS").get(orders), "status",
                "one of CREATED, CONFIRMED, SHIPPED, DELIVERED, CANCELLED");
        assertBadRequestNaming(malformed().queryParam("size", "abc").get(orders), "size", "an integer");
        assertBadRequestNaming(malformed().queryParam("page", "-").get(orders), "page", "an integer");
    }

    /** Publishes a CustomerCreated and waits until this service takes orders for that customer. */
    private UUID knownCustomer() {
        UUID customerId = UUID.randomUUID();
        try (Fixtures fixtures = new Fixtures(kafka)) {
            fixtures.publish(Fixtures.customerCreated(customerId, "Careless Client", Fixtures.uniqueEmail("careless")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().contentType(ContentType.JSON)
                .body(order(customerId, "PO-PROBE-" + UUID.randomUUID())).post("/orders").statusCode() == 201);
        return customerId;
    }

    private static Response place(Object body) {
        return malformed().contentType(ContentType.JSON).body(body).post("/orders");
    }

    private static Map<String, Object> order(UUID customerId, String purchaseOrderNumber) {
        Map<String, Object> order = new HashMap<>();
        order.put("purchaseOrderNumber", purchaseOrderNumber);
        order.put("customerId", customerId.toString());
        order.put("deliveryDate", LocalDate.now().plusDays(7).toString());
        order.put("lines", List.of(line(2, 9.5)));
        return order;
    }

    private static Map<String, Object> line(Object quantity, Object unitPrice) {
        return Map.of("product", "Brass gear", "quantity", quantity, "unitPrice", unitPrice);
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        changed.put(field, value);
        return changed;
    }

    private long count(String sql, Object parameter) {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(sql)) {
            q.setObject(1, parameter);
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
