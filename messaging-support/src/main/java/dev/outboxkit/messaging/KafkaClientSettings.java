package dev.outboxkit.messaging;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import io.smallrye.common.annotation.Identifier;

/**
 * The settings of the Kafka clients that the services create by hand (the lag monitor's admin client, the replays of
 * the read-model rebuild and the dead-letter redrive, the dead-letter producer), taken from the very configuration the SmallRye channels use:
 * every {@code kafka.*} property and {@code KAFKA_*} environment variable ({@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}, {@code KAFKA_SSL_TRUSTSTORE_LOCATION}, ...), as Quarkus
 * collects them into its {@code default-kafka-broker} map. TLS or SASL set once for the channels so applies to these
 * clients too. Each client gets only the keys it knows, so that Quarkus's own {@code kafka.*} settings (dev services,
 * health) do not end up in a client's "unknown configuration" warnings.
 */
@ApplicationScoped
public class KafkaClientSettings {

    private final Map<String, Object> channels;

    KafkaClientSettings(@Identifier("default-kafka-broker") Map<String, Object> channels) {
        this.channels = Map.copyOf(channels);
    }

    public Map<String, Object> consumer(String clientId) {
        return settings(ConsumerConfig.configNames(), ConsumerConfig.CLIENT_ID_CONFIG, clientId);
    }

    public Map<String, Object> producer(String clientId) {
        return settings(ProducerConfig.configNames(), ProducerConfig.CLIENT_ID_CONFIG, clientId);
    }

    public Map<String, Object> admin(String clientId) {
        return settings(AdminClientConfig.configNames(), AdminClientConfig.CLIENT_ID_CONFIG, clientId);
    }

    private Map<String, Object> settings(Set<String> known, String clientIdKey, String clientId) {
        Map<String, Object> settings = new HashMap<>();
        channels.forEach((key, value) -> {
            if (known.contains(key)) {
                settings.put(key, value);
            }
        });
        settings.put(clientIdKey, clientId);
        return settings;
    }
}
