package dev.outboxkit.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.strimzi.api.kafka.model.common.metrics.JmxPrometheusExporterMetrics;
import io.strimzi.api.kafka.model.connect.KafkaConnect;
import io.strimzi.api.kafka.model.kafka.Kafka;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Traces go somewhere on every path (a collector in both overlays and in Compose, from one configuration), and prod
 * is scraped: the services, the brokers, Kafka Exporter and the relay.
 */
class ObservabilityTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;
    private static final String COLLECTOR_CONFIG = "src-deploy/otel/collector.yaml";

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void the_services_export_to_a_collector_that_the_overlay_runs_from_the_shared_configuration(String overlay)
            throws IOException {
        Manifests manifests = Manifests.overlay(overlay);
        URI endpoint = URI.create(manifests.getGenerated(ConfigMap.class, "outboxkit-config").getData()
                .get("OTEL_EXPORTER_OTLP_ENDPOINT"));
        Service service = manifests.get(Service.class, endpoint.getHost());
        assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort).contains(endpoint.getPort());

        Deployment collector = manifests.get(Deployment.class, endpoint.getHost());
        String configMap = collector.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getConfigMap() != null).findFirst().orElseThrow().getConfigMap().getName();
        assertThat(Manifests.isGeneratedName(configMap, "otel-collector-config")).isTrue();
        String rendered = manifests.getGenerated(ConfigMap.class, "otel-collector-config").getData().get("collector.yaml");
        assertThat(rendered).isEqualTo(java.nio.file.Files.readString(Repo.path(COLLECTOR_CONFIG)));
        assertThat(receiverPorts()).contains(endpoint.getPort());
    }

    @Test
    void compose_runs_the_collector_its_services_name_with_the_shared_configuration() throws IOException {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(Repo.path("docker-compose.yml").toFile())
                .path("services");
        for (String name : List.of("customer-service", "order-service", "notification-service")) {
            String endpoint = services.path(name).path("environment").path("OTEL_EXPORTER_OTLP_ENDPOINT").asText();
            String fallback = endpoint.replaceFirst("^\\$\\{OTEL_EXPORTER_OTLP_ENDPOINT:-(.*)}$", "$1");
            URI uri = URI.create(fallback);
            assertThat(services.has(uri.getHost())).as(name + " sends to " + uri.getHost()).isTrue();
            assertThat(receiverPorts()).contains(uri.getPort());
        }
        assertThat(services.path("otel-collector").path("volumes").toString())
                .contains("./" + COLLECTOR_CONFIG + ":/etc/otelcol/config.yaml");
    }

    @Test
    void prod_scrapes_every_service_on_its_metrics_endpoint() {
        Manifests prod = Manifests.overlay("prod");
        List<PodMonitor> monitors = prod.all(PodMonitor.class);
        for (Deployment service : prod.all(Deployment.class)) {
            Map<String, String> labels = service.getSpec().getTemplate().getMetadata().getLabels();
            if (!"service".equals(labels.get("app.kubernetes.io/component"))) {
                continue;
            }
            List<String> ports = service.getSpec().getTemplate().getSpec().getContainers().getFirst().getPorts()
                    .stream().map(ContainerPort::getName).toList();
            assertThat(monitors).as(service.getMetadata().getName()).anySatisfy(m -> {
                assertThat(labels).containsAllEntriesOf(m.getSpec().getSelector().getMatchLabels());
                assertThat(m.getSpec().getPodMetricsEndpoints()).anySatisfy(e -> {
                    assertThat(ports).contains(e.getPort());
                    assertThat(e.getPath()).isEqualTo("/q/metrics");
                });
            });
        }
    }

    @Test
    void prod_kafka_and_the_relay_export_metrics_that_a_pod_monitor_scrapes() {
        Manifests prod = Manifests.overlay("prod");
        Kafka kafka = prod.all(Kafka.class).getFirst();
        KafkaConnect relay = prod.all(KafkaConnect.class).getFirst();
        assertMetricsConfigMap(prod, (JmxPrometheusExporterMetrics) kafka.getSpec().getKafka().getMetricsConfig());
        assertMetricsConfigMap(prod, (JmxPrometheusExporterMetrics) relay.getSpec().getMetricsConfig());
        assertThat(kafka.getSpec().getKafkaExporter()).as("consumer-group lag from outside the services").isNotNull();

        List<PodMonitor> monitors = prod.all(PodMonitor.class);
        for (var strimzi : List.of(Map.of("strimzi.io/cluster", kafka.getMetadata().getName(), "strimzi.io/kind", "Kafka"),
                Map.of("strimzi.io/cluster", relay.getMetadata().getName(), "strimzi.io/kind", "KafkaConnect"))) {
            assertThat(monitors).as(strimzi.toString()).anySatisfy(m -> {
                assertThat(strimzi).containsAllEntriesOf(m.getSpec().getSelector().getMatchLabels());
                assertThat(m.getSpec().getPodMetricsEndpoints()).anySatisfy(
                        e -> assertThat(e.getPort()).as("the port Strimzi names").isEqualTo("tcp-prometheus"));
            });
        }
    }

    private static void assertMetricsConfigMap(Manifests prod, JmxPrometheusExporterMetrics metrics) {
        var ref = metrics.getValueFrom().getConfigMapKeyRef();
        ConfigMap map = prod.get(ConfigMap.class, ref.getName());
        assertThat(map.getData()).containsKey(ref.getKey());
        assertThat(map.getData().get(ref.getKey())).contains("rules:");
    }

    /** The OTLP ports the collector's configuration listens on. */
    private static List<Integer> receiverPorts() throws IOException {
        JsonNode protocols = new ObjectMapper(new YAMLFactory()).readTree(Repo.path(COLLECTOR_CONFIG).toFile())
                .path("receivers").path("otlp").path("protocols");
        return List.of(protocols.path("grpc"), protocols.path("http")).stream()
                .map(p -> Integer.parseInt(p.path("endpoint").asText().replaceFirst(".*:", ""))).toList();
    }
}
