package dev.outboxkit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No event lost to a missing slot on any deployment path: customer- and order-service refuse changes while their
 * relay's slot is missing (outbox-support's RelaySlotGate, on by default) and say so through readiness, so every
 * path must route by readiness and must not switch the gate off.
 */
class SlotGateTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;
    private static final List<String> PUBLISHERS = List.of("customer-service", "order-service");
    private static final List<String> GATE_SWITCHES = List.of("OUTBOX_SLOT_GATE_WRITES", "OUTBOX_SLOT_MONITOR_ENABLED");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kubernetes_routes_by_the_readiness_that_the_gate_holds_down(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        for (String name : PUBLISHERS) {
            Container container = manifests.get(Deployment.class, name).getSpec().getTemplate().getSpec().getContainers().getFirst();
            assertThat(container.getReadinessProbe().getHttpGet().getPath()).as(name).isEqualTo("/q/health/ready");
            assertThat(container.getEnv()).extracting(EnvVar::getName).as(name).doesNotContainAnyElementsOf(GATE_SWITCHES);
        }
    }

    @Test
    void compose_waits_for_the_slots_and_checks_readiness() throws IOException {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(Repo.path("docker-compose.yml").toFile())
                .path("services");
        for (String name : PUBLISHERS) {
            JsonNode service = services.path(name);
            assertThat(service.path("healthcheck").path("test").toString()).as(name).contains("/q/health/ready");
            assertThat(service.path("depends_on").path("connect-init").path("condition").asText())
                    .as("%s starts once the connectors (and so their slots) exist", name)
                    .isEqualTo("service_completed_successfully");
            GATE_SWITCHES.forEach(s -> assertThat(service.path("environment").has(s)).as(name + " " + s).isFalse());
        }
    }
}
