package dev.outboxkit.systemtests;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** A consumer group as the broker sees it: how far behind it is, and where it starts again. */
final class ConsumerGroup implements AutoCloseable {

    private final Admin admin;
    private final String bootstrapServers;
    private final String group;
    private final List<String> topics;

    ConsumerGroup(String bootstrapServers, String group, List<String> topics) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        this.admin = Admin.create(props);
        this.bootstrapServers = bootstrapServers;
        this.group = group;
        this.topics = topics;
    }

    /**
     * Records on the group's topics that it has not committed yet, counted by reading them (committed only). Offsets
     * alone would overcount: with the exactly-once relay each transaction's commit marker takes an offset too, and
     * the group's committed offset stops in front of the last marker, since no record is ever handed out for it.
     */
    long lag() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> ends = endOffsets();
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        long lag = 0;
        try (KafkaConsumer<byte[], byte[]> reader = new KafkaConsumer<>(props, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            reader.assign(ends.keySet());
            ends.keySet().forEach(p -> reader.seek(p, committed.containsKey(p) ? committed.get(p).offset() : 0));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (ends.entrySet().stream().anyMatch(e -> reader.position(e.getKey()) < e.getValue())) {
                for (ConsumerRecord<byte[], byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        lag++;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("could not read up to the end offsets " + ends);
                }
            }
        }
        return lag;
    }

    /** For each running member, how many partitions of {@code topic} it was assigned. */
    List<Integer> partitionsPerMember(String topic) throws Exception {
        return admin.describeConsumerGroups(List.of(group)).all().get().get(group).members().stream()
                .map(m -> (int) m.assignment().topicPartitions().stream().filter(tp -> tp.topic().equals(topic)).count())
                .toList();
    }

    /** Moves the group back to the start of every partition; the group must have no running member. */
    void rewindToStart() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> start = new HashMap<>();
        for (TopicPartition partition : endOffsets().keySet()) {
            start.put(partition, new OffsetAndMetadata(0));
        }
        admin.alterConsumerGroupOffsets(group, start).all().get();
    }

    private Map<TopicPartition, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get().values().stream()
                .flatMap(t -> t.partitions().stream().map(p -> new TopicPartition(t.name(), p.partition())))
                .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
        return admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
