package dev.outboxkit.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.strimzi.api.kafka.model.common.template.ContainerEnvVar;
import io.strimzi.api.kafka.model.connect.KafkaConnect;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.connect.build.DockerOutput;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ConfigMap and Secret that a pod or a Strimzi resource names exists in the rendered overlay, under
 * the name kustomize gave it (generated names carry a hash, and kustomize only rewrites the fields it knows:
 * base/kustomizeconfig teaches it the Strimzi ones), with every key that is asked for. The one exception is
 * the prod overlay's secrets, which are provided out of band: those must be the documented ones.
 */
class ReferencesTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    /**
     * The Secrets the prod overlay expects to exist before `kubectl apply -k`, with the keys it reads
     * (null: keys chosen by the operator, e.g. a registry credential or the realm users' passwords).
     */
    static final Map<String, Set<String>> PROD_SECRETS = Map.of(
            "outboxkit-db-credentials", Set.of("POSTGRES_PASSWORD", "CUSTOMER_DB_PASSWORD", "ORDERS_DB_PASSWORD",
                    "NOTIFICATION_DB_PASSWORD", "KEYCLOAK_DB_PASSWORD"),
            "keycloak-admin", Set.of("KC_BOOTSTRAP_ADMIN_USERNAME", "KC_BOOTSTRAP_ADMIN_PASSWORD"),
            "outbox-relay-registry", Set.of(),
            "outboxkit-tls", Set.of("tls.crt", "tls.key"));

    /** A reference to a ConfigMap or Secret, and the key it needs (null: the whole object). */
    record Ref(String from, String kind, String name, String key, boolean optional) {
    }

    static List<Ref> references(Manifests manifests) {
        List<Ref> refs = new ArrayList<>();
        for (WorkloadTest.Workload w : WorkloadTest.workloads(manifests)) {
            for (Container c : w.allContainers()) {
                for (EnvVar env : c.getEnv() == null ? List.<EnvVar>of() : c.getEnv()) {
                    if (env.getValueFrom() == null) {
                        continue;
                    }
                    var cm = env.getValueFrom().getConfigMapKeyRef();
                    var secret = env.getValueFrom().getSecretKeyRef();
                    if (cm != null) {
                        refs.add(new Ref(w.id(), "ConfigMap", cm.getName(), cm.getKey(), Boolean.TRUE.equals(cm.getOptional())));
                    }
                    if (secret != null) {
                        refs.add(new Ref(w.id(), "Secret", secret.getName(), secret.getKey(), Boolean.TRUE.equals(secret.getOptional())));
                    }
                }
                for (EnvFromSource from : c.getEnvFrom() == null ? List.<EnvFromSource>of() : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null) {
                        refs.add(new Ref(w.id(), "ConfigMap", from.getConfigMapRef().getName(), null,
                                Boolean.TRUE.equals(from.getConfigMapRef().getOptional())));
                    }
                    if (from.getSecretRef() != null) {
                        refs.add(new Ref(w.id(), "Secret", from.getSecretRef().getName(), null,
                                Boolean.TRUE.equals(from.getSecretRef().getOptional())));
                    }
                }
            }
            for (Volume v : w.pod().getVolumes() == null ? List.<Volume>of() : w.pod().getVolumes()) {
                if (v.getConfigMap() != null) {
                    refs.add(new Ref(w.id(), "ConfigMap", v.getConfigMap().getName(), null, false));
                }
                if (v.getSecret() != null) {
                    refs.add(new Ref(w.id(), "Secret", v.getSecret().getSecretName(), null, false));
                }
            }
        }
        for (Ingress ingress : manifests.all(Ingress.class)) {
            for (IngressTLS tls : ingress.getSpec().getTls() == null ? List.<IngressTLS>of() : ingress.getSpec().getTls()) {
                refs.add(new Ref("Ingress/" + ingress.getMetadata().getName(), "Secret", tls.getSecretName(), null, false));
            }
        }
        for (KafkaConnect connect : manifests.all(KafkaConnect.class)) {
            String id = "KafkaConnect/" + connect.getMetadata().getName();
            var template = connect.getSpec().getTemplate();
            if (template != null && template.getConnectContainer() != null && template.getConnectContainer().getEnv() != null) {
                for (ContainerEnvVar env : template.getConnectContainer().getEnv()) {
                    if (env.getValueFrom() == null) {
                        continue;
                    }
                    var cm = env.getValueFrom().getConfigMapKeyRef();
                    var secret = env.getValueFrom().getSecretKeyRef();
                    if (cm != null) {
                        refs.add(new Ref(id, "ConfigMap", cm.getName(), cm.getKey(), false));
                    }
                    if (secret != null) {
                        refs.add(new Ref(id, "Secret", secret.getName(), secret.getKey(), false));
                    }
                }
            }
            if (connect.getSpec().getBuild() != null
                    && connect.getSpec().getBuild().getOutput() instanceof DockerOutput docker
                    && docker.getPushSecret() != null) {
                refs.add(new Ref(id, "Secret", docker.getPushSecret(), null, false));
            }
        }
        return refs;
    }

    /**
     * Secrets the Strimzi operators write: a KafkaUser's credentials (its name; keys password and sasl.jaas.config)
     * and a Kafka cluster's CA certificate ({@code <cluster>-cluster-ca-cert}, key ca.crt).
     */
    static boolean madeByStrimzi(Manifests manifests, Ref ref) {
        if (!ref.kind().equals("Secret")) {
            return false;
        }
        boolean user = manifests.find(KafkaUser.class, ref.name()).isPresent()
                && (ref.key() == null || Set.of("password", "sasl.jaas.config").contains(ref.key()));
        boolean ca = manifests.all(Kafka.class).stream()
                .anyMatch(k -> ref.name().equals(k.getMetadata().getName() + "-cluster-ca-cert"));
        return user || ca;
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_referenced_config_map_exists_with_the_key(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<Ref> refs = references(manifests).stream().filter(r -> r.kind().equals("ConfigMap")).toList();

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            ConfigMap cm = manifests.find(ConfigMap.class, ref.name()).orElse(null);
            assertThat(cm).as("%s needs ConfigMap %s", ref.from(), ref.name()).isNotNull();
            if (ref.key() != null) {
                assertThat(cm.getData()).as("%s needs key %s of ConfigMap %s", ref.from(), ref.key(), ref.name())
                        .containsKey(ref.key());
            }
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void every_referenced_secret_exists_with_the_key_or_is_a_documented_prod_secret(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        List<Ref> refs = references(manifests).stream().filter(r -> r.kind().equals("Secret")).toList();

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            if (madeByStrimzi(manifests, ref)) {
                return;
            }
            Secret secret = manifests.find(Secret.class, ref.name()).orElse(null);
            if (secret == null && overlay.equals("prod")) {
                assertThat(PROD_SECRETS).as("%s needs Secret %s, which prod does not generate: is it documented?",
                        ref.from(), ref.name()).containsKey(ref.name());
                if (ref.key() != null) {
                    assertThat(PROD_SECRETS.get(ref.name())).as("documented keys of Secret %s", ref.name())
                            .contains(ref.key());
                }
                return;
            }
            assertThat(secret).as("%s needs Secret %s", ref.from(), ref.name()).isNotNull();
            if (ref.key() != null) {
                assertThat(secret.getData()).as("%s needs key %s of Secret %s", ref.from(), ref.key(), ref.name())
                        .containsKey(ref.key());
            }
        });
    }

    @Test
    void the_prod_secrets_are_the_ones_prod_uses_and_the_readme_lists_them() throws IOException {
        Manifests prod = Manifests.overlay("prod");
        Set<String> used = new TreeSet<>();
        for (Ref ref : references(prod)) {
            if (ref.kind().equals("Secret") && !madeByStrimzi(prod, ref)) {
                used.add(ref.name());
            }
        }
        assertThat(used).as("Secrets prod reads").isEqualTo(new TreeSet<>(PROD_SECRETS.keySet()));

        String readme = Files.readString(Repo.path("k8s/README.md"));
        PROD_SECRETS.forEach((name, keys) -> {
            assertThat(readme).as("k8s/README.md documents Secret " + name).contains(name);
            keys.forEach(key -> assertThat(readme).as("k8s/README.md documents key " + key + " of " + name).contains(key));
        });
    }

    @Test
    void prod_generates_no_secret_and_dev_generates_only_dev_only_values() {
        assertThat(Manifests.overlay("prod").all(Secret.class)).as("Secrets rendered by prod").isEmpty();

        List<Secret> dev = Manifests.overlay("dev").all(Secret.class);
        assertThat(dev).isNotEmpty();
        assertThat(dev).allSatisfy(s -> s.getData().forEach((key, value) -> {
            String decoded = new String(java.util.Base64.getDecoder().decode(value), java.nio.charset.StandardCharsets.UTF_8);
            if (key.endsWith("PASSWORD")) {
                assertThat(decoded).as("dev Secret %s key %s says it is dev-only", s.getMetadata().getName(), key)
                        .endsWith("-dev-only");
            }
        }));
    }
}
