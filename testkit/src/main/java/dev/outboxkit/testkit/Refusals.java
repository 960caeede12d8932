package dev.outboxkit.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** What a client must be able to rely on when a request is refused as malformed. */
public final class Refusals {

    private Refusals() {
    }

    /**
     * A request that breaks the service's OpenAPI document on purpose: exempt from {@link OpenApiContract}'s request
     * check, not from its response check, which must be in place (else a test of refusals would prove less).
     */
    public static RequestSpecification malformed() {
        assertThat(OpenApiContract.isInstalled()).as("OpenApiContract checks the responses of this test").isTrue();
        return given().filter(OpenApiContract.malformedRequest());
    }

    /**
     * A 400 problem+json that names {@code field} among its violations, with a message saying what it must be;
     * {@code expectation}, when given, is a part of that message ("must be one of CREATED, ...").
     */
    public static void assertBadRequestNaming(Response response, String field, String expectation) {
        String body = response.asString();
        assertThat(response.statusCode()).as("status of %s", body).isEqualTo(400);
        assertThat(response.contentType()).as("content type of %s", body).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(400);
        List<String> fields = response.jsonPath().getList("violations.field");
        assertThat(fields).as("fields named by %s", body).contains(field);
        String message = response.jsonPath().getString("violations.find { it.field == '" + field + "' }.message");
        assertThat(message).as("message for %s in %s", field, body).isNotBlank();
        if (expectation != null) {
            assertThat(message).contains(expectation);
        }
    }
}
