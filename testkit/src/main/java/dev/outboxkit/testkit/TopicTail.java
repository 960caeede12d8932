package dev.outboxkit.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from the position it had when the tail was opened, so a test sees only the records
 * that its own actions caused. Reads committed records only, like the real consumers.
 */
public final class TopicTail implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

    private TopicTail(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
    }

    public static TopicTail open(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<PartitionInfo> partitions = partitionsOf(consumer, topic);
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned, Duration.ofSeconds(30));
        ends.forEach(consumer::seek);
        return new TopicTail(consumer);
    }

    /** Waits for the topic to exist: the broker creates it on first use, by a test or by the application. */
    private static List<PartitionInfo> partitionsOf(KafkaConsumer<?, ?> consumer, String topic) {
        Instant deadline = Instant.now().plusSeconds(30);
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30));
        }
        if (partitions.isEmpty()) {
            throw new IllegalStateException("Topic " + topic + " does not exist");
        }
        return partitions;
    }

    /** Polls until a record matches or the timeout passes; returns every record seen so far, in arrival order. */
    public ConsumerRecord<String, String> awaitRecord(Predicate<ConsumerRecord<String, String>> match, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                seen.add(record);
            }
            for (ConsumerRecord<String, String> record : seen) {
                if (match.test(record)) {
                    return record;
                }
            }
        }
        throw new AssertionError("No matching record within " + timeout + "; saw " + seen.size() + " record(s): " + seen);
    }

    /** Keeps polling for a while so that records written just before the last awaited one are seen too. */
    public List<ConsumerRecord<String, String>> drain(Duration quietPeriod) {
        Instant deadline = Instant.now().plus(quietPeriod);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                seen.add(record);
            }
        }
        return List.copyOf(seen);
    }

    /** Every record this tail has read so far, in arrival order. */
    public List<ConsumerRecord<String, String>> seen() {
        return List.copyOf(seen);
    }

    /** The header's value as text, or null when the record has none or it has no value. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
