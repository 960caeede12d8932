package dev.outboxkit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The hand-made clients get the channels' connection and security settings, and nothing a client does not know. */
class KafkaClientSettingsTest {

    private final KafkaClientSettings settings = new KafkaClientSettings(Map.of(
            "bootstrap.servers", "broker:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
            "ssl.truststore.type", "PEM",
            "devservices.enabled", "false",
            "health.enabled", "true",
            "client.id", "order-service"));

    @Test
    void aConsumerGetsTheConnectionAndSecuritySettingsUnderItsOwnClientId() {
        assertThat(settings.consumer("read-model-rebuild"))
                .containsEntry("bootstrap.servers", "broker:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("client.id", "read-model-rebuild")
                .doesNotContainKeys("devservices.enabled", "health.enabled");
    }

    @Test
    void anAdminClientGetsTheSameSecuritySettings() {
        assertThat(settings.admin("consumer-lag-monitor"))
                .containsEntry("security.protocol", "SASL_SSL")
                .containsKey("sasl.jaas.config")
                .containsEntry("client.id", "consumer-lag-monitor")
                .doesNotContainKey("devservices.enabled");
    }
}
