package dev.outboxkit.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migrations are their own step in Kubernetes (README "Start-up"): each service's pod first runs its own image as
 * a migrate-only init container (QUARKUS_INIT_AND_EXIT=true) against the very database the service uses, and the
 * service then starts without Flyway. Fails when the two containers drift apart: another image (a schema of
 * another version), another database or role, or a service that migrates again at start.
 */
class MigrationStepTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;
    static final List<String> DATABASE = List.of("PG_HOST", "PG_PORT", "DB_NAME", "DB_USER", "DB_PASSWORD");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void each_service_is_migrated_by_an_init_container_of_its_own_image_and_database(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        WorkloadTest.SERVICES.keySet().forEach(name -> {
            PodSpec pod = manifests.get(Deployment.class, name).getSpec().getTemplate().getSpec();
            Container service = pod.getContainers().getFirst();
            Container migrate = Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream()
                    .filter(c -> c.getName().equals("migrate")).findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + " " + name + ": no init container 'migrate'"));
            String what = overlay + " " + name;

            assertThat(migrate.getImage()).as(what + " migrate image").isEqualTo(service.getImage());
            assertThat(value(migrate, "QUARKUS_INIT_AND_EXIT")).as(what + " migrate-only").isEqualTo("true");
            assertThat(value(service, "FLYWAY_MIGRATE_AT_START")).as(what + " service migrates at start").isEqualTo("false");
            assertThat(env(service).get("QUARKUS_INIT_AND_EXIT")).as(what + " service exits after init").isNull();
            DATABASE.forEach(variable -> assertThat(env(migrate).get(variable)).as(what + " " + variable)
                    .isNotNull().isEqualTo(env(service).get(variable)));
        });
    }

    static Map<String, EnvVar> env(Container container) {
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
    }

    static String value(Container container, String name) {
        EnvVar variable = env(container).get(name);
        return variable == null ? null : variable.getValue();
    }
}
