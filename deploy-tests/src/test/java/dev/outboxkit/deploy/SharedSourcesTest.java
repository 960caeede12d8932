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
        assertThat(dev.getGenerated(ConfigMap.class, "postgres-sql").getData())
                .containsOnlyKeys("00-roles-and-databases.sql", "10-outbox-table.sql")
                .containsEntry("00-roles-and-databases.sql", Files.readString(Repo.path("src-deploy/postgres/00-roles-and-databases.sql")))
                .containsEntry("10-outbox-table.sql", Files.readString(Repo.path("src-deploy/postgres/10-outbox-table.sql")));
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
