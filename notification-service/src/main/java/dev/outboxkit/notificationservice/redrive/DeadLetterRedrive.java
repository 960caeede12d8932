package dev.outboxkit.notificationservice.redrive;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.outboxkit.notificationservice.delivery.DeliveryDispatcher;
import dev.outboxkit.notificationservice.delivery.DeliveryLedger;
import dev.outboxkit.notificationservice.delivery.SourceEvent;
import dev.outboxkit.notificationservice.messaging.EventHandler;
import io.quarkus.logging.Log;

/**
 * Re-processes what is on the dead-letter topic, from its beginning to where it ends now, idempotently:
 * a dead-lettered email gets a fresh attempt budget, an event whose effect is already stored is
 * skipped (the inbox knows it), and any other event goes through the normal handler again, which is
 * what makes a poison message succeed once the fix for it is deployed.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private final EventHandler handler;
    private final DeliveryLedger ledger;
    private final DeliveryDispatcher dispatcher;
    private final String bootstrapServers;
    private final String topic;

    DeadLetterRedrive(EventHandler handler, DeliveryLedger ledger, DeliveryDispatcher dispatcher,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "mp.messaging.outgoing.dead-letters.topic") String topic) {
        this.handler = handler;
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
    }

    public record Report(int examined, int requeued, int reprocessed, int alreadyHandled, List<Failure> failed) {
    }

    public record Failure(String eventId, String reason) {
    }

    public Report redriveAll() {
        int examined = 0;
        int requeued = 0;
        int reprocessed = 0;
        int alreadyHandled = 0;
        List<Failure> failed = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    examined++;
                    SourceEvent event;
                    try {
                        event = original(record);
                    } catch (RuntimeException e) {
                        failed.add(new Failure(header(record, "id"), e.getMessage()));
                        continue;
                    }
                    if (ledger.requeue(event.eventId())) {
                        requeued++;
                        continue;
                    }
                    try {
                        if (handler.handle(event)) {
                            reprocessed++;
                        } else {
                            alreadyHandled++;
                        }
                    } catch (RuntimeException e) {
                        failed.add(new Failure(event.eventId().toString(), e.getMessage()));
                    }
                }
            }
        }
        dispatcher.wakeUp();
        Report report = new Report(examined, requeued, reprocessed, alreadyHandled, failed);
        Log.infof("Dead-letter redrive: %s", report);
        return report;
    }

    /** The event as it first arrived: the topic it came from is in the dead-letter-topic header. */
    private static SourceEvent original(ConsumerRecord<String, String> record) {
        String id = header(record, "id");
        String type = header(record, "eventType");
        String from = header(record, "dead-letter-topic");
        if (id == null || type == null) {
            throw new IllegalArgumentException("no id or eventType header at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset());
        }
        return new SourceEvent(from, record.key(), UUID.fromString(id), type, record.value());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
