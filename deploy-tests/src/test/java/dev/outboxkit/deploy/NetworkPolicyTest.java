package dev.outboxkit.deploy;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.strimzi.api.kafka.model.connect.KafkaConnect;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Default deny for every pod, then one allow per destination; PostgreSQL and Kafka's client listener only for their
 * clients. The selectors are checked against the pods the overlay actually runs, so a renamed label cannot silently
 * leave a rule that matches nothing (or a pod that nothing may reach).
 */
class NetworkPolicyTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    /** Who may reach PostgreSQL: the services, Keycloak and the relay's workers (by their pods' labels). */
    private static final Set<Map<String, String>> DATABASE_CLIENTS = Set.of(
            Map.of("app.kubernetes.io/component", "service"),
            Map.of("app.kubernetes.io/name", "keycloak"),
            Map.of("strimzi.io/cluster", "outbox-relay", "strimzi.io/kind", "KafkaConnect"));

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_pod_is_denied_by_default_and_allowed_in_by_a_policy_of_its_own(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<NetworkPolicy> policies = manifests.all(NetworkPolicy.class);
        assertThat(policies).anySatisfy(p -> {
            assertThat(p.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(p.getSpec().getPolicyTypes()).contains("Ingress");
            assertThat(p.getSpec().getIngress()).isNullOrEmpty();
        });
        // The pods of this overlay's own workloads; Strimzi writes the policies of the pods it runs.
        for (Map.Entry<String, Pod> pod : workloadPods(manifests).entrySet()) {
            List<NetworkPolicy> own = policies.stream()
                    .filter(p -> !p.getSpec().getPodSelector().getMatchLabels().isEmpty())
                    .filter(p -> selects(p.getSpec().getPodSelector(), pod.getValue().labels())).toList();
            assertThat(own).as("a policy lets something reach " + pod.getKey()).isNotEmpty();
            for (NetworkPolicy policy : own) {
                for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                    for (NetworkPolicyPort port : rule.getPorts()) {
                        if (port.getPort().getStrVal() != null) {
                            assertThat(pod.getValue().portNames()).as("%s names port %s of %s",
                                    policy.getMetadata().getName(), port.getPort().getStrVal(), pod.getKey())
                                    .contains(port.getPort().getStrVal());
                        }
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_peer_in_a_policy_is_a_pod_that_runs(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        Map<String, Pod> pods = pods(manifests);
        for (NetworkPolicy policy : manifests.all(NetworkPolicy.class)) {
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress() == null
                    ? List.<NetworkPolicyIngressRule>of() : policy.getSpec().getIngress()) {
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    assertThat(peer.getNamespaceSelector()).as("%s: peers in this namespace only", policy.getMetadata().getName()).isNull();
                    assertThat(peer.getIpBlock()).isNull();
                    assertThat(pods.values()).as("%s: a pod matches %s", policy.getMetadata().getName(),
                            peer.getPodSelector().getMatchLabels())
                            .anySatisfy(p -> assertThat(selects(peer.getPodSelector(), p.labels())).isTrue());
                }
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void postgres_is_reachable_only_by_its_clients_on_its_port(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        NetworkPolicy postgres = manifests.get(NetworkPolicy.class, "postgres");
        assertThat(postgres.getSpec().getIngress()).singleElement().satisfies(rule -> {
            assertThat(rule.getFrom()).extracting(p -> p.getPodSelector().getMatchLabels())
                    .containsExactlyInAnyOrderElementsOf(DATABASE_CLIENTS);
            assertThat(rule.getPorts()).extracting(p -> p.getPort().getIntVal()).containsExactly(5432);
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkas_client_listener_lets_in_only_the_services_and_the_relay(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        Map<String, Pod> pods = pods(manifests);
        for (GenericKafkaListener listener : manifests.all(Kafka.class).getFirst().getSpec().getKafka().getListeners()) {
            assertThat(listener.getNetworkPolicyPeers()).as("listener " + listener.getName()).isNotEmpty()
                    .allSatisfy(peer -> {
                        assertThat(peer.getNamespaceSelector()).isNull();
                        assertThat(pods.values()).anySatisfy(p -> assertThat(selects(peer.getPodSelector(), p.labels())).isTrue());
                    });
            assertThat(pods.get("Deployment/customer-service")).satisfies(p -> assertThat(listener.getNetworkPolicyPeers())
                    .anySatisfy(peer -> assertThat(selects(peer.getPodSelector(), p.labels())).isTrue()));
        }
    }

    record Pod(Map<String, String> labels, List<String> portNames) {
    }

    /** The pods of the overlay's workloads, plus the relay's workers as Strimzi labels them. */
    private static Map<String, Pod> pods(Manifests manifests) {
        Map<String, Pod> pods = workloadPods(manifests);
        for (KafkaConnect connect : manifests.all(KafkaConnect.class)) {
            pods.put("KafkaConnect/" + connect.getMetadata().getName(), new Pod(Map.of(
                    "strimzi.io/cluster", connect.getMetadata().getName(), "strimzi.io/kind", "KafkaConnect"), List.of()));
        }
        return pods;
    }

    private static Map<String, Pod> workloadPods(Manifests manifests) {
        Map<String, Pod> pods = new HashMap<>();
        for (WorkloadTest.Workload w : WorkloadTest.workloads(manifests)) {
            List<String> ports = w.allContainers().stream()
                    .flatMap(c -> c.getPorts() == null ? java.util.stream.Stream.<ContainerPort>empty() : c.getPorts().stream())
                    .map(ContainerPort::getName).toList();
            pods.put(w.id(), new Pod(w.template().getMetadata().getLabels(), ports));
        }
        return pods;
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        assertThat(selector.getMatchExpressions()).as("matchExpressions are not used here").isNullOrEmpty();
        return labels.entrySet().containsAll(selector.getMatchLabels().entrySet());
    }
}
