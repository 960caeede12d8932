package dev.outboxkit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * prod imports a realm without what only development and the tests need: no demo users and passwords, no password
 * grant, no 2-second test tokens, no localhost. It is generated from the repository's one realm by
 * k8s/overlays/prod/keycloak/prod-realm.jq, so roles and service clients cannot drift apart.
 */
class ProdRealmTest {

    private static final String SOURCE = "src-deploy/keycloak/outboxkit-realm.json";
    private static final String FILTER = "k8s/overlays/prod/keycloak/prod-realm.jq";
    private static final String GENERATED = "k8s/overlays/prod/keycloak/outboxkit-realm.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_prod_realm_is_the_filters_output_of_the_repositorys_realm() throws Exception {
        Process jq = new ProcessBuilder("jq", "-f", FILTER, SOURCE).directory(Repo.root().toFile())
                .redirectErrorStream(true).start();
        String output = new String(jq.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(jq.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(jq.exitValue()).as(output).isZero();

        assertThat(JSON.readTree(Files.readString(Repo.path(GENERATED))))
                .as("%s is stale: regenerate it as %s says", GENERATED, FILTER)
                .isEqualTo(JSON.readTree(output));
    }

    @Test
    void prod_imports_the_prod_realm_and_dev_the_repositorys() throws IOException {
        assertThat(Manifests.overlay("prod").getGenerated(ConfigMap.class, "keycloak-realm").getData())
                .containsOnlyKeys("outboxkit-realm.json")
                .containsEntry("outboxkit-realm.json", Files.readString(Repo.path(GENERATED)));
        assertThat(Manifests.overlay("dev").getGenerated(ConfigMap.class, "keycloak-realm").getData())
                .containsEntry("outboxkit-realm.json", Files.readString(Repo.path(SOURCE)));
    }

    @Test
    void the_prod_realm_has_no_users_no_password_grant_no_short_tokens_and_no_localhost() throws IOException {
        String text = Files.readString(Repo.path(GENERATED));
        JsonNode realm = JSON.readTree(text);

        assertThat(realm.path("users").isMissingNode()).as("users").isTrue();
        assertThat(realm.path("realm").asText()).isEqualTo(JSON.readTree(Files.readString(Repo.path(SOURCE))).path("realm").asText());
        assertThat(realm.path("clients")).isNotEmpty().allSatisfy(client -> {
            String id = client.path("clientId").asText();
            assertThat(client.path("directAccessGrantsEnabled").asBoolean()).as(id + ": password grant").isFalse();
            assertThat(client.path("attributes").path("access.token.lifespan").asInt(300))
                    .as(id + ": access token lifespan").isGreaterThanOrEqualTo(60);
        });
        assertThat(realm.path("accessTokenLifespan").asInt()).isGreaterThanOrEqualTo(60);
        assertThat(text).doesNotContain("localhost", "127.0.0.1", "dev-only", "${");
    }
}
