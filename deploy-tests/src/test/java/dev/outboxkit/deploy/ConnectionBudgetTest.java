package dev.outboxkit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.strimzi.api.kafka.model.connector.KafkaConnector;

/**
 * Every overlay fits PostgreSQL's max_connections at its largest: each service at its most pods (the
 * HorizontalPodAutoscaler's maximum where one owns the Deployment) times its pool (DB_POOL_MAX), Keycloak's pool
 * where it keeps its data in PostgreSQL, two connections per relay connector (the replication stream and its
 * query connection), and a reserve for the superuser and operators. Without the check, scaling out under load
 * is exactly when new pods fail to get a connection. And a Deployment that an autoscaler owns states no
 * replica count: each apply would reset the scale.
 */
class ConnectionBudgetTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    /** superuser_reserved_connections (3) and a few sessions for people and jobs (psql, backups). */
    static final int RESERVE = 3 + 10;
    static final int PER_CONNECTOR = 2;
    /** Keycloak's own default (db-pool-max-size), where nothing sets it. */
    static final int KEYCLOAK_DEFAULT_POOL = 100;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_connection_budget_at_the_most_pods_fits_max_connections(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        ConfigMap config = manifests.getGenerated(ConfigMap.class, "outboxkit-config");
        List<String> budget = new ArrayList<>();
        int total = RESERVE;
        budget.add("reserve " + RESERVE);
        for (String service : WorkloadTest.SERVICES.keySet()) {
            Deployment deployment = manifests.get(Deployment.class, service);
            int pods = mostPods(manifests, deployment);
            int pool = Integer.parseInt(envValue(first(deployment), "DB_POOL_MAX", config));
            total += pods * pool;
            budget.add(service + " " + pods + " x " + pool);
        }
        Deployment keycloak = manifests.get(Deployment.class, "keycloak");
        Map<String, String> keycloakEnv = PostgresTest.env(first(keycloak));
        if ("postgres".equals(keycloakEnv.get("KC_DB"))) {
            int pool = Integer.parseInt(keycloakEnv.getOrDefault("KC_DB_POOL_MAX_SIZE", String.valueOf(KEYCLOAK_DEFAULT_POOL)));
            int pods = mostPods(manifests, keycloak);
            total += pods * pool;
            budget.add("keycloak " + pods + " x " + pool);
        }
        int connectors = manifests.all(KafkaConnector.class).size();
        total += connectors * PER_CONNECTOR;
        budget.add("relay " + connectors + " x " + PER_CONNECTOR);

        StatefulSet postgres = manifests.get(StatefulSet.class, "postgres");
        int maxConnections = Integer.parseInt(PostgresTest.settings(PostgresTest.container(postgres).getArgs())
                .getOrDefault("max_connections", "100"));
        assertThat(total).as("%s: %s = %d connections at the most pods, max_connections %d", overlay,
                String.join(" + ", budget), total, maxConnections).isLessThanOrEqualTo(maxConnections);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void a_deployment_that_an_autoscaler_owns_states_no_replica_count(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        for (HorizontalPodAutoscaler hpa : manifests.all(HorizontalPodAutoscaler.class)) {
            Deployment target = manifests.get(Deployment.class, hpa.getSpec().getScaleTargetRef().getName());
            assertThat(target.getSpec().getReplicas())
                    .as("%s: Deployment/%s is scaled by HorizontalPodAutoscaler/%s; a replicas field would reset it on every apply",
                            overlay, target.getMetadata().getName(), hpa.getMetadata().getName())
                    .isNull();
        }
    }

    private static int mostPods(Manifests manifests, Deployment deployment) {
        return manifests.all(HorizontalPodAutoscaler.class).stream()
                .filter(hpa -> hpa.getSpec().getScaleTargetRef().getName().equals(deployment.getMetadata().getName()))
                .map(hpa -> hpa.getSpec().getMaxReplicas())
                .findFirst()
                .orElse(deployment.getSpec().getReplicas() == null ? 1 : deployment.getSpec().getReplicas());
    }

    private static Container first(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    /** A container variable's value, literal or from the settings ConfigMap; every service must set it. */
    private static String envValue(Container container, String name, ConfigMap config) {
        EnvVar variable = container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(container.getName() + " sets no " + name
                        + ": its pool size must be stated to be budgeted"));
        if (variable.getValue() != null) {
            return variable.getValue();
        }
        String key = variable.getValueFrom().getConfigMapKeyRef().getKey();
        assertThat(config.getData()).as("outboxkit-config").containsKey(key);
        return config.getData().get(key);
    }
}
