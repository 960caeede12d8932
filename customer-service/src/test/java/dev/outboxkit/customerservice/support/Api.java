package dev.outboxkit.customerservice.support;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Calls the running service over HTTP, as a client would. */
public final class Api {

    private Api() {
    }

    public static String uniqueEmail(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    public static String uniqueName(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    public static JsonPath createCustomer(String name, String email, String organizationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("organizationId", organizationId);
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/customers")
                .then().statusCode(201).extract().jsonPath();
    }

    public static JsonPath createOrganization(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name))
                .when().post("/organizations")
                .then().statusCode(201).extract().jsonPath();
    }

    public static Map<String, Object> customerUpdate(String name, String email, String organizationId, long version) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("organizationId", organizationId);
        body.put("version", version);
        return body;
    }
}
