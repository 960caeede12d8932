package dev.outboxkit.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.RestAssured;
import io.restassured.builder.RequestSpecBuilder;

/**
 * Real access tokens from the stack's Keycloak (realm src-deploy/keycloak/outboxkit-realm.json), obtained
 * the way the README's curl does: the password grant of the public dev client. Tokens are reused until
 * shortly before they expire.
 */
public final class Identities {

    /** The realm's demo users: back-office, support, two customers, and one without any role. */
    public static final String ALICE = "alice";
    public static final String SAM = "sam";
    public static final String CAROL = "carol";
    public static final String DAVE = "dave";
    public static final String NOBODY = "nobody";

    /** The fixed user ids of the realm file, i.e. the tokens' {@code sub}. */
    public static final Map<String, String> SUBJECTS = Map.of(
            ALICE, "0a11ce00-0000-4000-8000-000000000001",
            SAM, "05a30000-0000-4000-8000-000000000002",
            CAROL, "0ca401c0-0000-4000-8000-000000000003",
            DAVE, "0dae0000-0000-4000-8000-000000000004",
            NOBODY, "00b0d700-0000-4000-8000-000000000005");

    public static final String CLIENT = "outboxkit-cli";
    /** Same audiences, but its tokens live two seconds: for the expired-token tests. */
    public static final String SHORT_LIVED_CLIENT = "outboxkit-cli-short-lived";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();

    private Identities() {
    }

    public static String subject(String user) {
        return SUBJECTS.get(user);
    }

    /** A valid access token of {@code user} from {@link #CLIENT}. */
    public static String token(String user) {
        Issued issued = CACHE.compute(user, (u, cached) -> cached != null && cached.validFor(30) ? cached : issue(u, CLIENT));
        return issued.token();
    }

    /** A fresh token of {@code user} from the given client, never cached. */
    public static String freshToken(String user, String clientId) {
        return issue(user, clientId).token();
    }

    /**
     * From now on, RestAssured requests of this thread's tests carry {@code user}'s token, and are checked against
     * the service's OpenAPI document ({@link OpenApiContract}).
     */
    public static void actAs(String user) {
        OpenApiContract.install();
        RestAssured.requestSpecification = new RequestSpecBuilder().addHeader("Authorization", "Bearer " + token(user)).build();
    }

    /** From now on, RestAssured requests carry no token unless a test adds one; they are checked as by {@link #actAs}. */
    public static void actAnonymously() {
        OpenApiContract.install();
        RestAssured.requestSpecification = null;
    }

    public static String keycloakUrl() {
        return Optional.ofNullable(System.getenv("KEYCLOAK_URL")).orElse("http://127.0.0.1:18180");
    }

    private static Issued issue(String user, String clientId) {
        Map<String, String> form = Map.of("grant_type", "password", "client_id", clientId, "username", user,
                "password", password(user), "scope", "openid");
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(keycloakUrl() + "/realms/outboxkit/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token for " + user + " (" + clientId + "): "
                        + response.statusCode() + " " + response.body());
            }
            JsonNode json = JSON.readTree(response.body());
            return new Issued(json.get("access_token").asText(), Instant.now().plusSeconds(json.get("expires_in").asLong()));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak is not reachable at " + keycloakUrl() + "; is the stack up?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The realm's dev-only passwords, overridable like the realm's own placeholders. */
    private static String password(String user) {
        return Optional.ofNullable(System.getenv("OUTBOXKIT_" + user.toUpperCase() + "_PASSWORD")).orElse(user + "-dev-only");
    }

    private record Issued(String token, Instant expiresAt) {

        boolean validFor(long seconds) {
            return Instant.now().plusSeconds(seconds).isBefore(expiresAt);
        }
    }
}
