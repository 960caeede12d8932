package dev.outboxkit.orderservice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outboxkit.testkit.Identities;

import io.quarkus.test.junit.QuarkusTest;

/** Until orders arrive (#5), the service must at least start and report itself as ready and observable. */
@QuarkusTest
class OrderServiceHealthTest {

    /** Health, metrics and OpenAPI are public: no token on these requests. */
    @BeforeEach
    void actAnonymously() {
        Identities.actAnonymously();
    }

    @Test
    void reportsReadyAndExposesOpenApiAndMetrics() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi?format=json").then().statusCode(200).body("info.title", equalTo("order-service"));
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
