package dev.outboxkit.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Keycloak in both overlays, and what sets dev and prod apart. */
class OverlayProfilesTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_services_find_the_realm_through_the_keycloak_service(String overlay) throws IOException {
        Manifests manifests = Manifests.overlay(overlay);
        String realm = new ObjectMapper().readTree(Repo.path("src-deploy/keycloak/outboxkit-realm.json").toFile())
                .path("realm").asText();
        URI issuer = URI.create(manifests.getGenerated(ConfigMap.class, "outboxkit-config").getData().get("OIDC_AUTH_SERVER_URL"));
        Service keycloak = manifests.get(Service.class, issuer.getHost());

        assertThat(issuer.getPath()).isEqualTo("/realms/" + realm);
        assertThat(keycloak.getSpec().getPorts()).anySatisfy(p -> assertThat(p.getPort()).isEqualTo(issuer.getPort()));
        for (String service : List.of("customer-service", "order-service")) {
            assertThat(envNames(container(manifests, service))).as(service).contains("OIDC_AUTH_SERVER_URL");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void keycloak_imports_the_realm_from_its_config_map(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        Deployment keycloak = manifests.get(Deployment.class, "keycloak");
        Container container = keycloak.getSpec().getTemplate().getSpec().getContainers().getFirst();
        Map<String, Volume> volumes = keycloak.getSpec().getTemplate().getSpec().getVolumes().stream()
                .collect(Collectors.toMap(Volume::getName, v -> v));

        assertThat(container.getImage()).isEqualTo("quay.io/keycloak/keycloak:26.4.5");
        assertThat(container.getArgs()).contains("--import-realm");
        assertThat(container.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getMountPath()).isEqualTo("/opt/keycloak/data/import");
            assertThat(Manifests.isGeneratedName(volumes.get(m.getName()).getConfigMap().getName(), "keycloak-realm")).isTrue();
        });
        assertThat(envNames(container)).contains("KC_HOSTNAME", "KC_HEALTH_ENABLED", "KC_BOOTSTRAP_ADMIN_PASSWORD");
    }

    @Test
    void dev_runs_keycloaks_development_server_and_mailpit() {
        Manifests dev = Manifests.overlay("dev");
        Container keycloak = container(dev, "keycloak");

        assertThat(keycloak.getArgs()).containsExactly("start-dev", "--import-realm");
        assertThat(dev.find(Deployment.class, "mailpit")).isPresent();
        Map<String, String> config = dev.getGenerated(ConfigMap.class, "outboxkit-config").getData();
        assertThat(config).containsEntry("SMTP_HOST", "mailpit").containsEntry("SMTP_PORT", "1025");
        assertThat(dev.get(Service.class, "mailpit").getSpec().getPorts())
                .anySatisfy(p -> assertThat(p.getPort()).isEqualTo(1025));
    }

    @Test
    void prod_runs_keycloak_in_production_mode_on_postgres_and_relays_mail_to_a_real_server() {
        Manifests prod = Manifests.overlay("prod");
        Container keycloak = container(prod, "keycloak");

        assertThat(keycloak.getArgs()).contains("start").doesNotContain("start-dev");
        assertThat(envNames(keycloak)).contains("KC_DB", "KC_DB_URL_HOST", "KC_DB_USERNAME", "KC_DB_PASSWORD",
                "KC_HOSTNAME", "KC_PROXY_HEADERS");
        Map<String, String> config = prod.getGenerated(ConfigMap.class, "outboxkit-config").getData();
        assertThat(URI.create(config.get("KEYCLOAK_HOSTNAME")).getScheme()).isEqualTo("https");
        assertThat(config.get("SMTP_HOST")).isNotIn("mailpit", "smtp", "127.0.0.1", "localhost");
        assertThat(prod.find(Deployment.class, "mailpit")).isEmpty();
    }

    @Test
    void prod_runs_more_than_one_of_each_service_and_a_three_node_kafka() {
        Manifests prod = Manifests.overlay("prod");

        // The fewest pods of a service: its autoscaler's minimum where one owns it, else its replica count.
        Map<String, Integer> autoscaledMinimum = prod.all(HorizontalPodAutoscaler.class).stream().collect(Collectors.toMap(
                h -> h.getSpec().getScaleTargetRef().getName(), h -> h.getSpec().getMinReplicas()));
        assertThat(autoscaledMinimum.keySet()).containsExactlyInAnyOrder("customer-service", "order-service");
        for (String service : WorkloadTest.SERVICES.keySet()) {
            Integer fewest = autoscaledMinimum.getOrDefault(service, prod.get(Deployment.class, service).getSpec().getReplicas());
            assertThat(fewest).as(service).isGreaterThanOrEqualTo(2);
            assertThat(container(prod, service).getImage()).as(service).startsWith("registry.example.com/outboxkit/" + service + ":");
        }
        assertThat(prod.all(HorizontalPodAutoscaler.class)).allSatisfy(h ->
                assertThat(h.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2));
        assertThat(prod.all(KafkaNodePool.class).stream().mapToInt(p -> p.getSpec().getReplicas()).sum()).isEqualTo(3);
    }

    @Test
    void dev_runs_one_of_each_service() {
        Manifests dev = Manifests.overlay("dev");
        for (String service : WorkloadTest.SERVICES.keySet()) {
            assertThat(dev.get(Deployment.class, service).getSpec().getReplicas()).as(service).isEqualTo(1);
        }
    }

    @Test
    void the_readme_names_the_api_version_and_files_this_module_relies_on() throws IOException {
        String readme = Files.readString(Repo.path("k8s/README.md"));
        assertThat(readme).contains("kafka.strimzi.io/v1", "kubectl apply -k k8s/overlays/dev", "max_slot_wal_keep_size");
    }

    static Container container(Manifests manifests, String deployment) {
        return manifests.get(Deployment.class, deployment).getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    static List<String> envNames(Container container) {
        return container.getEnv().stream().map(EnvVar::getName).toList();
    }
}
