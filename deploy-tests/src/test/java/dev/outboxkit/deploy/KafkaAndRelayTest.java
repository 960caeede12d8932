package dev.outboxkit.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.strimzi.api.kafka.model.common.template.ContainerEnvVar;
import io.strimzi.api.kafka.model.connect.KafkaConnect;
import io.strimzi.api.kafka.model.connect.build.Artifact;
import io.strimzi.api.kafka.model.connect.build.DockerOutput;
import io.strimzi.api.kafka.model.connect.build.Plugin;
import io.strimzi.api.kafka.model.connect.build.TgzArtifact;
import io.strimzi.api.kafka.model.connector.KafkaConnector;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Kafka in KRaft mode, the topics, and the Debezium relay as Strimzi resources. */
class KafkaAndRelayTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    static final Set<String> TOPICS = Set.of("customer.events", "organization.events", "order.events",
            "notification.dlq", "order.dlq");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafka_runs_in_kraft_mode_on_node_pools(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        Kafka kafka = single(manifests.all(Kafka.class));
        String cluster = kafka.getMetadata().getName();

        assertThat(kafka.getMetadata().getAnnotations())
                .containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
        List<KafkaNodePool> pools = manifests.all(KafkaNodePool.class);
        assertThat(pools).isNotEmpty().allSatisfy(p ->
                assertThat(p.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster));
        Set<ProcessRoles> roles = pools.stream().flatMap(p -> p.getSpec().getRoles().stream()).collect(Collectors.toSet());
        assertThat(roles).containsExactlyInAnyOrder(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
        int controllers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.CONTROLLER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        assertThat(controllers % 2).as("an odd number of KRaft controllers").isEqualTo(1);
        assertThat(kafka.getSpec().getEntityOperator().getTopicOperator())
                .as("the topic operator, which turns KafkaTopic resources into topics").isNotNull();

        int brokers = pools.stream().filter(p -> p.getSpec().getRoles().contains(ProcessRoles.BROKER))
                .mapToInt(p -> p.getSpec().getReplicas()).sum();
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertThat(((Number) config.get("default.replication.factor")).intValue()).as("replication factor")
                .isLessThanOrEqualTo(brokers);
        assertThat(((Number) config.get("min.insync.replicas")).intValue())
                .isLessThanOrEqualTo(((Number) config.get("default.replication.factor")).intValue());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_services_and_the_relay_bootstrap_from_the_clusters_client_listener(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        Kafka kafka = single(manifests.all(Kafka.class));
        // The one client listener: plain in dev, TLS with SCRAM in prod (KafkaSecurityTest).
        GenericKafkaListener listener = single(kafka.getSpec().getKafka().getListeners());
        String bootstrap = kafka.getMetadata().getName() + "-kafka-bootstrap:" + listener.getPort();

        assertThat(manifests.getGenerated(ConfigMap.class, "outboxkit-config").getData())
                .containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
        assertThat(single(manifests.all(KafkaConnect.class)).getSpec().getBootstrapServers()).isEqualTo(bootstrap);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_event_and_dead_letter_topics_exist_with_three_partitions(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        String cluster = single(manifests.all(Kafka.class)).getMetadata().getName();
        List<KafkaTopic> topics = manifests.all(KafkaTopic.class);

        assertThat(topics).extracting(t -> t.getSpec().getTopicName() != null ? t.getSpec().getTopicName() : t.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(TOPICS);
        assertThat(topics).allSatisfy(t -> {
            assertThat(t.getSpec().getPartitions()).as(t.getMetadata().getName()).isEqualTo(3);
            assertThat(t.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster);
            // The read-model rebuild replays from offset 0: a topic with the 7-day default would forget history.
            assertThat(String.valueOf(t.getSpec().getConfig().get("retention.ms")))
                    .as("%s is kept forever", t.getMetadata().getName()).isEqualTo("-1");
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_relay_is_kafka_connect_built_with_the_debezium_postgres_plugin(String overlay) {
        KafkaConnect connect = single(Manifests.overlay(overlay).all(KafkaConnect.class));

        assertThat(connect.getMetadata().getAnnotations()).containsEntry("strimzi.io/use-connector-resources", "true");
        assertThat(connect.getSpec().getBuild().getOutput()).isInstanceOf(DockerOutput.class);
        assertThat(((DockerOutput) connect.getSpec().getBuild().getOutput()).getImage())
                .as("a registry the cluster can push to, named by the overlay's images: (a host before the first /)")
                .matches("[^/]*[.:][^/]*/.+");
        List<Artifact> artifacts = connect.getSpec().getBuild().getPlugins().stream()
                .map(Plugin::getArtifacts).flatMap(List::stream).toList();
        assertThat(artifacts).singleElement().isInstanceOfSatisfying(TgzArtifact.class, tgz -> {
            assertThat(tgz.getUrl()).matches(
                    "https://repo1\\.maven\\.org/maven2/io/debezium/debezium-connector-postgres/(3\\.[^/]+)/"
                            + "debezium-connector-postgres-\\1-plugin\\.tar\\.gz");
            assertThat(tgz.getSha512sum()).matches("[0-9a-f]{128}");
        });
        assertThat(connect.getSpec().getConfig())
                .as("exactly-once source: the KafkaConnectors require it")
                .containsEntry("exactly.once.source.support", "enabled")
                .containsEntry("config.providers", "env")
                .containsEntry("config.providers.env.class", "org.apache.kafka.common.config.provider.EnvVarConfigProvider");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_connectors_are_outbox_routers_whose_env_placeholders_the_worker_defines(String overlay) {
        Manifests manifests = Manifests.overlay(overlay);
        KafkaConnect connect = single(manifests.all(KafkaConnect.class));
        Set<String> workerEnv = connect.getSpec().getTemplate().getConnectContainer().getEnv().stream()
                .map(ContainerEnvVar::getName).collect(Collectors.toSet());
        List<KafkaConnector> connectors = manifests.all(KafkaConnector.class);
        assertThat(workerEnv).as("Strimzi refuses environment variables named KAFKA_* or STRIMZI_*")
                .noneMatch(n -> n.startsWith("KAFKA_") || n.startsWith("STRIMZI_"));

        assertThat(connectors).extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrder("customer-outbox", "orders-outbox");
        assertThat(connectors).allSatisfy(c -> {
            String name = c.getMetadata().getName();
            Map<String, Object> config = c.getSpec().getConfig();
            assertThat(c.getMetadata().getLabels()).as(name).containsEntry("strimzi.io/cluster", connect.getMetadata().getName());
            assertThat(c.getSpec().getClassName()).as(name).isEqualTo("io.debezium.connector.postgresql.PostgresConnector");
            assertThat(config).as(name)
                    .containsEntry("plugin.name", "pgoutput")
                    .containsEntry("transforms", "outbox")
                    .containsEntry("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter")
                    .containsEntry("table.include.list", "public.outboxevent")
                    .containsKey("heartbeat.action.query")
                    .containsEntry("exactly.once.support", "required")
                    .containsEntry("transaction.boundary", "poll");
            assertThat(envPlaceholders(config)).as(name + " ${env:...} placeholders defined on the worker")
                    .isNotEmpty()
                    .isSubsetOf(workerEnv);
        });
        assertThat(connectors).extracting(c -> c.getSpec().getConfig().get("slot.name")).doesNotHaveDuplicates();
    }

    static Set<String> envPlaceholders(Map<String, Object> config) {
        Set<String> names = new TreeSet<>();
        Pattern placeholder = Pattern.compile("\\$\\{env:([A-Za-z0-9_]+)}");
        for (Object value : config.values()) {
            Matcher m = placeholder.matcher(String.valueOf(value));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.getFirst();
    }
}
