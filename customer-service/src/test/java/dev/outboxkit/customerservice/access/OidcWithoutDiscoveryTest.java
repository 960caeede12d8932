package dev.outboxkit.customerservice.access;

import static dev.outboxkit.testkit.AccessTable.bearer;
import static dev.outboxkit.testkit.Identities.ALICE;
import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outboxkit.testkit.Identities;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * OIDC_DISCOVERY_ENABLED=false (web-support): the service starts without asking Keycloak anything, and the
 * configured key-set path and issuer still accept the realm's tokens and refuse everything else. A wrong path
 * or issuer turns Alice's 200 into a 401.
 */
@QuarkusTest
@TestProfile(OidcWithoutDiscoveryTest.ConfiguredEndpoints.class)
class OidcWithoutDiscoveryTest {

    public static class ConfiguredEndpoints implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The same values the OIDC_* variables set; the issuer is the realm URL the tokens carry here.
            return Map.of("quarkus.oidc.discovery-enabled", "false",
                    "quarkus.oidc.jwks.resolve-early", "false",
                    "quarkus.oidc.token.issuer", "${quarkus.oidc.auth-server-url}");
        }
    }

    @BeforeEach
    void anonymous() {
        Identities.actAnonymously();
    }

    @Test
    void acceptsTheRealmsTokenWithKeysFetchedOnFirstUse() {
        bearer(Identities.token(ALICE)).get("/customers").then().statusCode(200);
    }

    @Test
    void refusesATamperedOrMissingToken() {
        String token = Identities.token(ALICE);
        String tampered = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        bearer(tampered).get("/customers").then().statusCode(401);
        given().get("/customers").then().statusCode(401);
    }
}
