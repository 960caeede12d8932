package dev.outboxkit.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Against the test stack's Kafka: a topic whose oldest records were deleted is reported, a whole one is not. */
class TopicReplayTest {

    private static final String BOOTSTRAP = System.getenv().getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19092");
    private static final Map<String, Object> SETTINGS = Map.of("bootstrap.servers", BOOTSTRAP);

    @Test
    void reportsThePartitionsWhoseHistoryNoLongerStartsAtOffsetZero() throws Exception {
        String whole = "replay-whole-" + UUID.randomUUID();
        String cut = "replay-cut-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            admin.createTopics(List.of(new NewTopic(whole, 1, (short) 1), new NewTopic(cut, 2, (short) 1))).all().get();
            try {
                produce(whole, 0, 3);
                produce(cut, 0, 3);
                produce(cut, 1, 1);
                // What retention does to the oldest segment, done on purpose: partition 0 now starts at offset 2.
                admin.deleteRecords(Map.of(new TopicPartition(cut, 0), RecordsToDelete.beforeOffset(2))).all().get();

                assertThat(TopicReplay.truncated(SETTINGS, List.of(whole, cut)))
                        .containsExactly(Map.entry(new TopicPartition(cut, 0), 2L));
                assertThat(TopicReplay.truncated(SETTINGS, List.of(whole))).isEmpty();
                assertThat(TopicReplay.replay(SETTINGS, List.of(cut), record -> { })).as("what is left").isEqualTo(2);
            } finally {
                admin.deleteTopics(List.of(whole, cut)).all().get();
            }
        }
    }

    private static void produce(String topic, int partition, int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(topic, partition, "k" + i, "v" + i)).get();
            }
        }
    }
}
