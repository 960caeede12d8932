package dev.outboxkit.deploy;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that the validator catches what it is there for. Both models swallow unknown fields silently, so
 * without these a validator that checks nothing would look exactly like one that finds nothing wrong.
 */
class ModelValidatorTest {

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: demo
            spec:
              selector:
                matchLabels: {app: demo}
              template:
                metadata:
                  labels: {app: demo}
                spec:
                  containers:
                    - name: demo
                      image: demo:1
                      ports:
                        - name: http
                          containerPort: 8080
                      readinessProbe:
                        httpGet: {path: /q/health/ready, port: http}
            """;

    private static final String KAFKA_CONNECT = """
            apiVersion: kafka.strimzi.io/v1
            kind: KafkaConnect
            metadata:
              name: relay
            spec:
              replicas: 1
              bootstrapServers: demo-kafka-bootstrap:9092
              groupId: relay
              configStorageTopic: relay-configs
              offsetStorageTopic: relay-offsets
              statusStorageTopic: relay-status
            """;

    private static final String KAFKA = """
            apiVersion: kafka.strimzi.io/v1
            kind: Kafka
            metadata:
              name: demo
            spec:
              kafka:
                listeners:
                  - name: plain
                    port: 9092
                    type: internal
                    tls: false
            """;

    @Test
    void a_valid_deployment_and_kafka_pass() {
        ModelValidator.Result result = ModelValidator.validate(DEPLOYMENT + "---\n" + KAFKA);

        assertThat(result.problems()).isEmpty();
        assertThat(result.documents()).hasSize(2).allSatisfy(d -> assertThat(d.model()).isNotNull());
    }

    @Test
    void a_mistyped_field_deep_in_a_deployment_is_reported_with_its_path() {
        String yaml = DEPLOYMENT.replace("containerPort: 8080", "contianerPort: 8080");

        assertThat(ModelValidator.validate(yaml).problems()).containsExactly(
                "Deployment/demo.spec.template.spec.containers[0].ports[0]: unknown field 'contianerPort' (not in ContainerPort)");
    }

    @Test
    void a_mistyped_probe_and_a_mistyped_top_level_field_are_reported() {
        String yaml = DEPLOYMENT.replace("readinessProbe:", "readinesProbe:").replace("metadata:\n  name: demo", "metdata:\n  name: demo");

        assertThat(ModelValidator.validate(yaml).problems()).containsExactlyInAnyOrder(
                "Deployment/.spec.template.spec.containers[0]: unknown field 'readinesProbe' (not in Container)",
                "Deployment/: unknown field 'metdata' (not in Deployment)");
    }

    @Test
    void a_mistyped_field_in_a_strimzi_resource_is_reported() {
        String yaml = KAFKA.replace("listeners:", "listners:");

        assertThat(ModelValidator.validate(yaml).problems()).contains(
                "Kafka/demo.spec.kafka: unknown field 'listners' (not in KafkaClusterSpec)");
    }

    @Test
    void a_mistyped_field_in_a_kubernetes_type_nested_in_a_strimzi_resource_is_reported() {
        String yaml = KAFKA_CONNECT + """
                  template:
                    connectContainer:
                      env:
                        - name: PG_PASSWORD
                          valueFrom:
                            secretKeyRef: {name: db, key: password, optinal: true}
                """;

        assertThat(ModelValidator.validate(yaml).problems()).containsExactly(
                "KafkaConnect/relay.spec.template.connectContainer.env[0].valueFrom.secretKeyRef: unknown field 'optinal' (not in SecretKeySelector)");
    }

    @Test
    void a_missing_required_strimzi_field_is_reported() {
        String yaml = KAFKA_CONNECT.replace("  groupId: relay\n", "");

        assertThat(ModelValidator.validate(yaml).problems()).containsExactly(
                "KafkaConnect/relay.spec: required field 'groupId' is missing (KafkaConnectSpec)");
    }

    @Test
    void an_unknown_kind_an_unknown_api_version_and_an_old_strimzi_version_are_reported() {
        String yaml = DEPLOYMENT.replace("kind: Deployment", "kind: Deploymnet")
                + "---\n" + DEPLOYMENT.replace("apps/v1", "app/v1")
                + "---\n" + KAFKA.replace("kafka.strimzi.io/v1", "kafka.strimzi.io/v1beta2");

        assertThat(ModelValidator.validate(yaml).problems()).containsExactly(
                "document 0 (Deploymnet/demo): no Kubernetes model for apiVersion apps/v1, kind Deploymnet",
                "document 1 (Deployment/demo): no Kubernetes model for apiVersion app/v1, kind Deployment",
                "document 2 (Kafka/demo): apiVersion kafka.strimzi.io/v1beta2 is not what the Strimzi model describes "
                        + "(kafka.strimzi.io/v1; Strimzi 1.x serves only kafka.strimzi.io/v1)");
    }

    @Test
    void a_value_of_the_wrong_type_is_reported() {
        String yaml = DEPLOYMENT.replace("spec:\n  selector:", "spec:\n  replicas: two\n  selector:");

        assertThat(ModelValidator.validate(yaml).problems()).singleElement().asString()
                .startsWith("document 0 (Deployment/demo): does not match the model:")
                .contains("two");
    }

    @Test
    void a_typo_injected_into_the_real_dev_overlay_is_reported() {
        String rendered = Kustomize.overlay("dev");
        assertThat(rendered).contains("containerPort: 8081");

        String broken = rendered.replace("containerPort: 8081", "contianerPort: 8081")
                .replace("bootstrapServers:", "bootstrapServer:");

        assertThat(ModelValidator.validate(broken).problems()).containsExactlyInAnyOrder(
                "Deployment/customer-service.spec.template.spec.containers[0].ports[0]: unknown field 'contianerPort' (not in ContainerPort)",
                "KafkaConnect/outbox-relay.spec: unknown field 'bootstrapServer' (not in KafkaConnectSpec)",
                "KafkaConnect/outbox-relay.spec: required field 'bootstrapServers' is missing (KafkaConnectSpec)");
    }

    @Test
    void strimzi_version_ranges() {
        assertThat(ModelValidator.appliesTo("v1+", "v1")).isTrue();
        assertThat(ModelValidator.appliesTo("v1beta2+", "v1")).isTrue();
        assertThat(ModelValidator.appliesTo("v1beta2", "v1")).isFalse();
        assertThat(ModelValidator.appliesTo("v1alpha1-v1beta2", "v1")).isFalse();
        assertThat(ModelValidator.appliesTo("all", "v1")).isTrue();
    }
}
