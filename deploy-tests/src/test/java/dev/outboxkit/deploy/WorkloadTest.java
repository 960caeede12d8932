package dev.outboxkit.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** What the issue promises about the workloads: health probes, resources, disruption budgets, hardening. */
class WorkloadTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    /** The three Quarkus services and the port each listens on (the same as on a developer's machine). */
    static final Map<String, Integer> SERVICES = Map.of(
            "customer-service", 8081,
            "order-service", 8082,
            "notification-service", 8083);

    record Workload(HasMetadata resource, PodTemplateSpec template) {

        String id() {
            return resource.getKind() + "/" + resource.getMetadata().getName();
        }

        PodSpec pod() {
            return template.getSpec();
        }

        List<Container> allContainers() {
            List<Container> all = new ArrayList<>(pod().getContainers());
            if (pod().getInitContainers() != null) {
                all.addAll(pod().getInitContainers());
            }
            return all;
        }
    }

    static List<Workload> workloads(Manifests manifests) {
        return Stream.concat(
                manifests.all(Deployment.class).stream().map(d -> new Workload(d, d.getSpec().getTemplate())),
                manifests.all(StatefulSet.class).stream().map(s -> new Workload(s, s.getSpec().getTemplate())))
                .toList();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void each_service_is_a_deployment_with_probes_on_quarkus_health(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        SERVICES.forEach((name, port) -> {
            Deployment deployment = manifests.get(Deployment.class, name);
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();

            assertThat(container.getPorts()).extracting(ContainerPort::getContainerPort).as(name).contains(port);
            assertThat(httpPath(container, container.getLivenessProbe())).as(name + " liveness").isEqualTo("/q/health/live");
            assertThat(httpPath(container, container.getReadinessProbe())).as(name + " readiness").isEqualTo("/q/health/ready");
            assertThat(httpPath(container, container.getStartupProbe())).as(name + " startup").isEqualTo("/q/health/started");
            assertThat(container.getEnv()).as(name + " env")
                    .anySatisfy(e -> {
                        assertThat(e.getName()).isEqualTo("HTTP_PORT");
                        assertThat(e.getValue()).isEqualTo(String.valueOf(port));
                    });

            Service service = manifests.get(Service.class, name);
            assertThat(service.getSpec().getSelector()).as(name + " Service selector")
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(service.getSpec().getPorts()).as(name + " Service port")
                    .anySatisfy(p -> assertThat(p.getPort()).isEqualTo(port));
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_workload_has_liveness_and_readiness_probes(String overlay) {
        assertThat(workloads(Manifests.overlay(overlay))).allSatisfy(w ->
                assertThat(w.pod().getContainers()).as(w.id()).allSatisfy(c -> {
                    assertThat(c.getLivenessProbe()).as(w.id() + " liveness").isNotNull();
                    assertThat(c.getReadinessProbe()).as(w.id() + " readiness").isNotNull();
                    for (Probe probe : new Probe[] {c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe()}) {
                        if (probe != null && probe.getHttpGet() != null) {
                            httpPath(c, probe); // the named port must exist
                        }
                    }
                }));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_container_has_cpu_and_memory_requests_within_limits(String overlay) {
        assertThat(workloads(Manifests.overlay(overlay))).allSatisfy(w ->
                assertThat(w.allContainers()).allSatisfy(c -> {
                    String what = w.id() + " container " + c.getName();
                    assertThat(c.getResources()).as(what).isNotNull();
                    Map<String, Quantity> requests = c.getResources().getRequests();
                    Map<String, Quantity> limits = c.getResources().getLimits();
                    assertThat(requests).as(what + " requests").containsKeys("cpu", "memory");
                    assertThat(limits).as(what + " limits").containsKeys("cpu", "memory");
                    for (String resource : List.of("cpu", "memory")) {
                        assertThat(requests.get(resource).getNumericalAmount())
                                .as(what + " " + resource + " request <= limit")
                                .isLessThanOrEqualTo(limits.get(resource).getNumericalAmount());
                    }
                }));
    }

    /**
     * What a native executable needs besides its heap (image heap, code, thread stacks, buffers): its RSS at
     * start with an almost empty heap was 102-137 MB, measured on the three services.
     */
    static final long NATIVE_NON_HEAP_MI = 160;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void each_service_runs_its_native_executable_with_an_explicit_heap_that_fits_its_memory_limit(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        SERVICES.keySet().forEach(name -> {
            Container container = manifests.get(Deployment.class, name).getSpec().getTemplate().getSpec()
                    .getContainers().getFirst();
            long heapMi = container.getArgs().stream()
                    .filter(arg -> arg.matches("-Xmx\\d+m"))
                    .mapToLong(arg -> Long.parseLong(arg.substring(4, arg.length() - 1)))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + " " + name + ": no -Xmx<N>m argument in "
                            + container.getArgs() + " (a native image would take 80 % of the limit as heap)"));
            assertThat(container.getArgs()).as(overlay + " " + name + " young generation bound").anyMatch(arg -> arg.matches("-Xmn\\d+m"));
            long limitMi = container.getResources().getLimits().get("memory").getNumericalAmount()
                    .divide(java.math.BigDecimal.valueOf(1024L * 1024)).longValue();
            assertThat(limitMi).as("%s %s memory limit (Mi) >= -Xmx%dm + %d Mi outside the heap", overlay, name,
                    heapMi, NATIVE_NON_HEAP_MI).isGreaterThanOrEqualTo(heapMi + NATIVE_NON_HEAP_MI);
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_deployment_has_a_disruption_budget_selecting_its_pods(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<PodDisruptionBudget> budgets = manifests.all(PodDisruptionBudget.class);

        assertThat(manifests.all(Deployment.class)).allSatisfy(d -> {
            Map<String, String> podLabels = d.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(budgets).as("PodDisruptionBudget for Deployment/" + d.getMetadata().getName())
                    .anySatisfy(pdb -> {
                        assertThat(pdb.getSpec().getSelector().getMatchExpressions()).isNullOrEmpty();
                        assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
                    });
        });
        assertThat(budgets).allSatisfy(pdb -> assertThat(pdb.getSpec().getMaxUnavailable())
                .as("PodDisruptionBudget/%s uses maxUnavailable (minAvailable on one replica blocks drains)",
                        pdb.getMetadata().getName())
                .isNotNull());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_workload_runs_as_non_root_without_capabilities(String overlay) {
        assertThat(workloads(Manifests.overlay(overlay))).allSatisfy(w -> {
            assertThat(w.pod().getSecurityContext()).as(w.id()).isNotNull();
            assertThat(w.pod().getSecurityContext().getRunAsNonRoot()).as(w.id() + " runAsNonRoot").isTrue();
            assertThat(w.pod().getAutomountServiceAccountToken()).as(w.id() + " automountServiceAccountToken").isFalse();
            assertThat(w.allContainers()).allSatisfy(c -> {
                String what = w.id() + " container " + c.getName();
                assertThat(c.getSecurityContext()).as(what).isNotNull();
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(what + " allowPrivilegeEscalation").isFalse();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(what + " drops").containsExactly("ALL");
                assertThat(c.getSecurityContext().getCapabilities().getAdd()).as(what + " adds").isNullOrEmpty();
            });
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_services_postgres_and_mailpit_have_a_read_only_root_filesystem(String overlay) {
        // Keycloak is the exception, written down in keycloak.yaml: it writes below /opt/keycloak.
        assertThat(workloads(Manifests.overlay(overlay)))
                .filteredOn(w -> !w.resource().getMetadata().getName().equals("keycloak"))
                .allSatisfy(w -> assertThat(w.allContainers()).allSatisfy(c ->
                        assertThat(c.getSecurityContext().getReadOnlyRootFilesystem())
                                .as(w.id() + " readOnlyRootFilesystem").isTrue()));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_image_is_pinned_to_a_tag(String overlay) {
        assertThat(workloads(Manifests.overlay(overlay))).allSatisfy(w ->
                assertThat(w.allContainers()).allSatisfy(c -> {
                    String image = c.getImage();
                    String lastSegment = image.substring(image.lastIndexOf('/') + 1);
                    assertThat(lastSegment).as(w.id() + " image " + image).contains(":");
                    assertThat(image).as(w.id() + " image").doesNotEndWith(":latest");
                }));
    }

    /** The path of an HTTP probe, after checking that its port names one of the container's ports. */
    static String httpPath(Container container, Probe probe) {
        assertThat(probe).as(container.getName() + " probe").isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(container.getName() + " probe is an HTTP GET").isNotNull();
        Object port = get.getPort().getValue();
        assertThat(container.getPorts()).as(container.getName() + " probe port " + port)
                .anySatisfy(p -> {
                    if (port instanceof Integer number) {
                        assertThat(p.getContainerPort()).isEqualTo(number);
                    } else {
                        assertThat(p.getName()).isEqualTo(port);
                    }
                });
        return get.getPath();
    }
}
