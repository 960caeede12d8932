package dev.outboxkit.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's dead-letter topic ({@code messaging.dead-letter-topic}), written by the service itself rather than by
 * a channel's failure strategy: a consumer handles records in batches, and a strategy would dead-letter a whole batch
 * for one bad record. A dead letter is the record as it arrived (key, payload, every header) plus why and where from:
 * {@value #REASON_HEADER}, {@value #CAUSE_HEADER}, {@value #TOPIC_HEADER}, {@value #PARTITION_HEADER},
 * {@value #OFFSET_HEADER}, the header names SmallRye's own dead-letter queue uses. The producer is made at the first
 * dead letter, which a healthy service may never write.
 */
@ApplicationScoped
public class DeadLetterTopic {

    public static final String REASON_HEADER = "dead-letter-reason";
    public static final String CAUSE_HEADER = "dead-letter-cause";
    public static final String TOPIC_HEADER = "dead-letter-topic";
    public static final String PARTITION_HEADER = "dead-letter-partition";
    public static final String OFFSET_HEADER = "dead-letter-offset";

    private final String topic;
    private final KafkaClientSettings kafka;
    private KafkaProducer<String, String> producer;

    DeadLetterTopic(@ConfigProperty(name = "messaging.dead-letter-topic") String topic, KafkaClientSettings kafka) {
        this.topic = topic;
        this.kafka = kafka;
    }

    public String name() {
        return topic;
    }

    /** Dead-letters a consumed record with the failure that condemned it. Returns once the broker has it. */
    public void publish(ConsumerRecord<String, String> record, Throwable failure) {
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(REASON_HEADER, bytes(String.valueOf(failure.getMessage())));
        Throwable root = Causes.root(failure);
        if (root != failure) {
            headers.add(CAUSE_HEADER, bytes(String.valueOf(root.getMessage())));
        }
        headers.add(TOPIC_HEADER, bytes(record.topic()));
        headers.add(PARTITION_HEADER, bytes(Integer.toString(record.partition())));
        headers.add(OFFSET_HEADER, bytes(Long.toString(record.offset())));
        publish(record.key(), record.value(), headers);
    }

    /** Puts a record on the topic as given. Returns once the broker has it (all in-sync replicas). */
    public void publish(String key, String value, Iterable<Header> headers) {
        try {
            producer().send(new ProducerRecord<>(topic, null, key, value, headers)).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not write to the dead-letter topic " + topic, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while writing to the dead-letter topic " + topic, e);
        }
    }

    public static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }

    private synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> settings = kafka.producer(topic + "-writer");
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    @PreDestroy
    synchronized void close() {
        if (producer != null) {
            producer.close();
        }
    }
}
