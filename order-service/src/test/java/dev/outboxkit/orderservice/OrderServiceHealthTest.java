package dev.outboxkit.orderservice;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outboxkit.testkit.Identities;

import io.quarkus.test.junit.QuarkusTest;

/** The service starts, reports itself ready and observable, and watches the lag of both its consumer groups. */
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

    @Test
    void watchesTheLagOfBothConsumerGroups() {
        given().when().get("/q/health/group/consumers").then().statusCode(200)
                .body("checks[0].status", equalTo("UP"))
                .body("checks[0].data.order-service", greaterThanOrEqualTo(0))
                .body("checks[0].data.order-service-history", greaterThanOrEqualTo(0));
    }
}
