package dev.outboxkit.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.common.authentication.KafkaClientAuthenticationScramSha512;
import io.strimzi.api.kafka.model.connect.KafkaConnect;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.KafkaAuthorizationSimple;
import io.strimzi.api.kafka.model.kafka.listener.KafkaListenerAuthenticationScramSha512;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * prod's Kafka admits only authenticated, authorized clients over TLS, and each client of the overlay logs in as a
 * KafkaUser of its own: the services (through the KAFKA_* variables every Kafka client of theirs reads) and the relay.
 */
class KafkaSecurityTest {

    private static final List<String> KAFKA_SERVICES = List.of("order-service", "notification-service");
    private final Manifests prod = Manifests.overlay("prod");

    @Test
    void every_client_listener_is_tls_with_scram_and_authorization_is_on() {
        Kafka kafka = prod.all(Kafka.class).getFirst();
        assertThat(kafka.getSpec().getKafka().getAuthorization()).isInstanceOf(KafkaAuthorizationSimple.class);
        assertThat(kafka.getSpec().getKafka().getListeners()).isNotEmpty().allSatisfy(listener -> {
            assertThat(listener.isTls()).as(listener.getName()).isTrue();
            assertThat(listener.getAuth()).as(listener.getName()).isInstanceOf(KafkaListenerAuthenticationScramSha512.class);
        });
        int port = kafka.getSpec().getKafka().getListeners().getFirst().getPort();
        String bootstrap = prod.getGenerated(ConfigMap.class, "outboxkit-config").getData().get("KAFKA_BOOTSTRAP_SERVERS");
        assertThat(bootstrap).isEqualTo(kafka.getMetadata().getName() + "-kafka-bootstrap:" + port);
    }

    @Test
    void every_kafka_client_service_logs_in_as_its_own_kafka_user_over_tls() {
        Map<String, String> config = prod.getGenerated(ConfigMap.class, "outboxkit-config").getData();
        assertThat(config).containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL").containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        for (String name : KAFKA_SERVICES) {
            Container container = prod.get(Deployment.class, name).getSpec().getTemplate().getSpec().getContainers().getFirst();
            Map<String, EnvVar> env = container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
            assertThat(env).as(name).containsKeys("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
                    "KAFKA_SSL_TRUSTSTORE_LOCATION");
            var login = env.get("KAFKA_SASL_JAAS_CONFIG").getValueFrom().getSecretKeyRef();
            assertThat(login.getKey()).isEqualTo("sasl.jaas.config");
            assertThat(login.getName()).as("%s's login is its own KafkaUser's Secret", name).isEqualTo(name);
            KafkaUser user = prod.get(KafkaUser.class, name);
            assertThat(user.getSpec().getAuthentication().getType()).isEqualTo("scram-sha-512");
            String truststore = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION").getValue();
            assertThat(container.getVolumeMounts()).anySatisfy(m -> assertThat(truststore).startsWith(m.getMountPath()));
        }
    }

    @Test
    void the_relay_logs_in_as_its_kafka_user_over_tls() {
        KafkaConnect relay = prod.all(KafkaConnect.class).getFirst();
        Kafka kafka = prod.all(Kafka.class).getFirst();
        assertThat(relay.getSpec().getTls().getTrustedCertificates()).anySatisfy(c ->
                assertThat(c.getSecretName()).isEqualTo(kafka.getMetadata().getName() + "-cluster-ca-cert"));
        assertThat(relay.getSpec().getAuthentication()).isInstanceOfSatisfying(KafkaClientAuthenticationScramSha512.class,
                auth -> {
                    KafkaUser user = prod.get(KafkaUser.class, auth.getUsername());
                    assertThat(auth.getPasswordSecret().getSecretName()).isEqualTo(user.getMetadata().getName());
                });
        assertThat(relay.getSpec().getBootstrapServers()).endsWith(":" + kafka.getSpec().getKafka().getListeners().getFirst().getPort());
    }

    @Test
    void every_topic_a_user_is_granted_exists_and_every_user_belongs_to_the_cluster() {
        Set<String> topics = prod.all(KafkaTopic.class).stream().map(t -> t.getMetadata().getName()).collect(Collectors.toSet());
        String cluster = prod.all(Kafka.class).getFirst().getMetadata().getName();
        assertThat(prod.all(KafkaUser.class)).isNotEmpty().allSatisfy(user -> {
            assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster);
            ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls().stream()
                    .filter(acl -> acl.getResource() instanceof AclRuleTopicResource)
                    .map(acl -> (AclRuleTopicResource) acl.getResource())
                    .filter(topic -> topic.getPatternType() == AclResourcePatternType.LITERAL)
                    .forEach(topic -> assertThat(topics).as("%s is granted topic %s", user.getMetadata().getName(), topic.getName())
                            .contains(topic.getName()));
        });
    }
}
