package dev.outboxkit.orderservice.rebuild;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.orderservice.customer.CustomerDirectory;
import dev.outboxkit.orderservice.history.OrderHistoryProjector;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Rebuilds everything this service derives from events (the customer and organization view and the
 * order history) by replaying the topics from their beginning, with the same code the live consumers
 * run. It happens in one transaction whose TRUNCATE locks those tables: the live consumers wait, then
 * carry on from where they were, skipping what the replay already applied. Readers see the old model
 * until the new one commits.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private final EntityManager em;
    private final CustomerDirectory directory;
    private final OrderHistoryProjector orderHistory;
    private final ObjectMapper mapper;
    private final String bootstrapServers;
    private final List<String> customerTopics;
    private final String orderTopic;

    ReadModelRebuild(EntityManager em, CustomerDirectory directory, OrderHistoryProjector orderHistory, ObjectMapper mapper,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.incoming.customer-events.topics") List<String> customerTopics,
            @ConfigProperty(name = "mp.messaging.incoming.order-events.topic") String orderTopic) {
        this.em = em;
        this.directory = directory;
        this.orderHistory = orderHistory;
        this.mapper = mapper;
        this.bootstrapServers = bootstrapServers;
        this.customerTopics = customerTopics;
        this.orderTopic = orderTopic;
    }

    public record Report(long customerEvents, long orderEvents, long millis) {
    }

    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Report rebuild() {
        long started = System.nanoTime();
        em.createNativeQuery("TRUNCATE order_event_log, order_history_line, order_history, customer_view, organization_view")
                .executeUpdate();
        long customerEvents = replay(customerTopics, CustomerDirectory::handles, (type, event, payload) -> directory.apply(type, event));
        long orderEvents = replay(List.of(orderTopic), OrderHistoryProjector::handles, orderHistory::apply);
        Report report = new Report(customerEvents, orderEvents, (System.nanoTime() - started) / 1_000_000);
        Log.infof("Read model rebuilt from the topics: %s", report);
        return report;
    }

    @FunctionalInterface
    private interface Apply {
        void apply(String type, JsonNode event, String payload);
    }

    /** Applies every record of the topics, from the beginning to where they end now; returns how many. */
    private long replay(List<String> topics, Predicate<String> handles, Apply apply) {
        long applied = 0;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(t -> consumer.partitionsFor(t, Duration.ofSeconds(10)).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    JsonNode event = readable(record);
                    if (event != null && handles.test(header(record))) {
                        apply.apply(header(record), event, record.value());
                        applied++;
                    }
                }
            }
        }
        return applied;
    }

    /** Records the live consumer dead-letters are skipped here too; the dead-letter topic keeps them. */
    private JsonNode readable(ConsumerRecord<String, String> record) {
        try {
            JsonNode event = mapper.readTree(record.value());
            return header(record) != null && event.path("schemaVersion").asInt() == 1 ? event : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String header(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader("eventType");
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
