package dev.outboxkit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.strimzi.api.kafka.model.connector.KafkaConnector;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * k8s/ deploys the files that the local stack uses: the realm and the database setup straight from
 * src-deploy/ (its kustomization.yaml), the connector configuration as a checked copy (it must be inline YAML).
 */
class SharedSourcesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void the_rendered_config_maps_carry_the_sources_unchanged() throws IOException {
        Manifests dev = Manifests.overlay("dev");

        assertThat(dev.getGenerated(ConfigMap.class, "keycloak-realm").getData())
                .containsExactlyEntriesOf(Map.of("outboxkit-realm.json",
                        Files.readString(Repo.path("src-deploy/keycloak/outboxkit-realm.json"))));
        Map<String, String> sql = new LinkedHashMap<>();
        sql.put("00-roles-and-databases.sql", Files.readString(Repo.path("src-deploy/postgres/00-roles-and-databases.sql")));
        for (Path migration : outboxMigrations()) {
            sql.put(migration.getFileName().toString(), Files.readString(migration));
        }
        assertThat(dev.getGenerated(ConfigMap.class, "postgres-sql").getData())
                .as("postgres-sql = the roles script and every outbox migration (list them in src-deploy/kustomization.yaml)")
                .containsExactlyInAnyOrderEntriesOf(sql);
    }

    /**
     * The outbox table's one definition is outbox-support's Flyway migrations, kept in src-deploy/postgres/outbox:
     * the stack, Compose and k8s run every one of them, in Flyway's version order, before the relay starts.
     */
    @Test
    void stack_compose_and_k8s_run_the_outbox_migrations_in_version_order() throws IOException {
        assertThat(outboxMigrations()).isNotEmpty();
        assertThat(Files.readString(Repo.path("src-deploy/stack")))
                .contains("\"$DEPLOY_DIR\"/postgres/outbox/V*__*.sql | sort -V");
        assertThat(Files.readString(Repo.path("docker-compose.yml")))
                .contains("/outboxkit/postgres/outbox/V*__*.sql | sort -V");
        assertThat(Files.readString(Repo.path("k8s/base/postgres/initdb.sh")))
                .contains("\"$sql\"/V*__*.sql | sort -V");
        assertThat(Files.readString(Repo.path("outbox-support/pom.xml")))
                .as("outbox-support packages them as Flyway's db/outbox")
                .contains("<directory>../src-deploy/postgres/outbox</directory>", "<targetPath>db/outbox</targetPath>");
    }

    private static List<Path> outboxMigrations() throws IOException {
        try (Stream<Path> files = Files.list(Repo.path("src-deploy/postgres/outbox"))) {
            return files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).sorted().toList();
        }
    }

    /**
     * The KafkaConnector's spec.config is the connector JSON of src-deploy/debezium/ with exactly two keys
     * moved into fields, because Strimzi manages them itself: "connector.class" becomes spec.class and
     * "tasks.max" spec.tasksMax. Every other key and value, ${env:...} placeholders included, is the same.
     */
    @Test
    void each_kafka_connector_is_its_src_deploy_connector_json() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(Repo.path("src-deploy/debezium"))) {
            sources = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(sources).isNotEmpty();

        for (String overlay : Kustomize.OVERLAYS) {
            Manifests manifests = Manifests.overlay(overlay);
            assertThat(manifests.all(KafkaConnector.class)).as(overlay + " connectors").hasSameSizeAs(sources);
            for (Path source : sources) {
                String name = source.getFileName().toString().replaceFirst("\\.json$", "");
                Map<String, Object> expected = new LinkedHashMap<>(flatStringMap(JSON.readTree(source.toFile()), source));
                KafkaConnector connector = manifests.get(KafkaConnector.class, name);

                assertThat(connector.getSpec().getClassName()).as("%s spec.class = connector.class of %s", name, source)
                        .isEqualTo(expected.remove("connector.class"));
                assertThat(String.valueOf(connector.getSpec().getTasksMax())).as("%s spec.tasksMax = tasks.max", name)
                        .isEqualTo(expected.remove("tasks.max"));
                assertThat(connector.getSpec().getConfig())
                        .as("%s (%s) spec.config = src-deploy/debezium/%s.json less connector.class and tasks.max;"
                                + " edit k8s/base/kafka/connectors.yaml to match", name, overlay, name)
                        .containsExactlyInAnyOrderEntriesOf(expected);
            }
        }
    }

    private static Map<String, Object> flatStringMap(JsonNode json, Path source) {
        Map<String, Object> map = new LinkedHashMap<>();
        json.properties().forEach(e -> {
            assertThat(e.getValue().isTextual()).as("%s: %s is a string, as Connect takes it", source, e.getKey()).isTrue();
            map.put(e.getKey(), e.getValue().asText());
        });
        return map;
    }
}
