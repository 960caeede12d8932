package dev.outboxkit.systemtests.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.testkit.TopicTail;

/**
 * Reads the event topics from where they ended when the run began, as any consumer would receive them,
 * and keeps, per aggregate (the record key), the sequences in the order they arrived. A record seen twice
 * (what a relay without exactly-once resends after its last committed offset) is counted, not kept twice.
 */
final class TopicRecorder implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();
    private final Set<String> eventIds = ConcurrentHashMap.newKeySet();
    private final Map<String, Integer> redeliveries = new ConcurrentHashMap<>();
    private final Thread reader;
    private volatile boolean running = true;

    TopicRecorder(String bootstrapServers, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props);
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // fixes the start now, before any traffic
        reader = Thread.ofPlatform().name("topic-recorder").daemon(true).start(this::read);
    }

    private void read() {
        while (running) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                String eventId = TopicTail.header(record, "id");
                if (!eventIds.add(record.topic() + "/" + eventId)) {
                    redeliveries.merge(record.topic(), 1, Integer::sum);
                    continue;
                }
                List<Long> seen = arrivals.computeIfAbsent(record.key(), k -> new ArrayList<>());
                synchronized (seen) {
                    seen.add(sequenceOf(record.value()));
                }
            }
        }
        consumer.close(Duration.ofSeconds(5));
    }

    /** Sequences of one aggregate's events, each counted once, in the order they arrived. */
    List<Long> arrivals(String aggregateId) {
        List<Long> seen = arrivals.get(aggregateId);
        if (seen == null) {
            return List.of();
        }
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    int distinctEvents() {
        return eventIds.size();
    }

    Map<String, Integer> redeliveries() {
        return new HashMap<>(redeliveries);
    }

    Set<String> aggregates() {
        return new HashSet<>(arrivals.keySet());
    }

    private static long sequenceOf(String payload) {
        try {
            JsonNode sequence = JSON.readTree(payload).path("sequence");
            return sequence.canConvertToLong() ? sequence.asLong() : -1;
        } catch (Exception unreadable) {
            return -1;
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        reader.join(10_000);
    }
}
