package dev.outboxkit.messaging;

import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads topics from their beginning to where they end at the moment of the call, outside any consumer
 * group (no offsets are committed, the live consumers are not disturbed). For rebuilds and redrives.
 */
public final class TopicReplay {

    private TopicReplay() {
    }

    /** @return how many records were handed to {@code handler} */
    /** @param settings the client's settings ({@link KafkaClientSettings#consumer}) */
    public static long replay(Map<String, Object> settings, List<String> topics, Consumer<ConsumerRecord<String, String>> handler) {
        long read = 0;
        try (KafkaConsumer<String, String> consumer = consumer(settings)) {
            List<TopicPartition> partitions = partitions(consumer, topics);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        handler.accept(record);
                        read++;
                    }
                }
            }
        }
        return read;
    }

    /**
     * The partitions whose history no longer starts at offset 0, with the offset it starts at now: retention
     * (or an explicit deleteRecords) removed their oldest records, so a replay would miss those events.
     */
    public static Map<TopicPartition, Long> truncated(Map<String, Object> settings, List<String> topics) {
        try (KafkaConsumer<String, String> consumer = consumer(settings)) {
            Map<TopicPartition, Long> truncated = new TreeMap<>(
                    Comparator.comparing(TopicPartition::topic).thenComparing(TopicPartition::partition));
            consumer.beginningOffsets(partitions(consumer, topics), Duration.ofSeconds(10)).forEach((partition, first) -> {
                if (first > 0) {
                    truncated.put(partition, first);
                }
            });
            return truncated;
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, List<String> topics) {
        return topics.stream()
                .flatMap(t -> consumer.partitionsFor(t, Duration.ofSeconds(10)).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition()))
                .toList();
    }

    private static KafkaConsumer<String, String> consumer(Map<String, Object> settings) {
        Map<String, Object> props = new HashMap<>(settings);
        // Outside any consumer group: nothing to commit, and no group of the channels' to join.
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
