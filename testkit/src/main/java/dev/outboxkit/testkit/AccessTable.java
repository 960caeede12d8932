package dev.outboxkit.testkit;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Table-driven access tests: each row is a caller, a request and the status it must get. Callers are the
 * realm's users of {@link Identities}, or {@link #ANONYMOUS} for a request without an Authorization header.
 */
public final class AccessTable {

    public static final String ANONYMOUS = "anonymous";

    private AccessTable() {
    }

    public record Rule(String caller, String method, String path, int status) {
    }

    /** A request that carries the caller's real token, or none for {@link #ANONYMOUS}. */
    public static RequestSpecification as(String caller) {
        return caller.equals(ANONYMOUS) ? given() : bearer(Identities.token(caller));
    }

    public static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    /**
     * Sends every rule and returns what differed from the table: a wrong status, or a refusal that is not
     * problem+json naming its status. Empty when every row held.
     */
    public static List<String> mismatches(List<Rule> rules, Function<Rule, Response> send) {
        List<String> mismatches = new ArrayList<>();
        for (Rule rule : rules) {
            Response response = send.apply(rule);
            if (response.statusCode() != rule.status()) {
                mismatches.add(rule + " got " + response.statusCode() + " " + response.asString());
            } else if (rule.status() >= 400 && !isProblem(response, rule.status())) {
                mismatches.add(rule + " refused without problem+json: " + response.contentType() + " " + response.asString());
            }
        }
        return mismatches;
    }

    private static boolean isProblem(Response response, int status) {
        String type = response.contentType();
        return type != null && type.startsWith("application/problem+json") && response.jsonPath().getInt("status") == status;
    }
}
