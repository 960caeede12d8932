package dev.outboxkit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * What the relay published to one of this service's topics since the test began. Every record read
 * is checked against its contract when the test ends: a producer test that emits a payload its
 * schema rejects fails, whatever else it asserts.
 */
public final class PublishedEvents implements AutoCloseable {

    public static final Duration RELAY_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String topic;
    private final TopicTail tail;

    private PublishedEvents(String topic, TopicTail tail) {
        this.topic = topic;
        this.tail = tail;
    }

    public static PublishedEvents on(String bootstrapServers, String topic) {
        return new PublishedEvents(topic, TopicTail.open(bootstrapServers, topic));
    }

    /** Waits until {@code count} events for this aggregate id have arrived; returns them in partition order. */
    public List<Event> awaitEvents(String aggregateId, int count) {
        tail.awaitRecord(r -> forAggregate(aggregateId).count() >= count, RELAY_TIMEOUT);
        return forAggregate(aggregateId).toList();
    }

    public Event awaitEvent(Predicate<Event> match) {
        return Event.of(tail.awaitRecord(r -> match.test(Event.of(r)), RELAY_TIMEOUT));
    }

    /** Everything published for this aggregate id, after waiting {@code quiet} for latecomers. */
    public List<Event> allFor(String aggregateId, Duration quiet) {
        tail.drain(quiet);
        return forAggregate(aggregateId).toList();
    }

    public List<Event> all(Duration quiet) {
        return tail.drain(quiet).stream().map(Event::of).toList();
    }

    private java.util.stream.Stream<Event> forAggregate(String aggregateId) {
        return tail.seen().stream().filter(r -> aggregateId.equals(r.key())).map(Event::of);
    }

    @Override
    public void close() {
        List<String> violations = new ArrayList<>();
        for (ConsumerRecord<String, String> record : tail.seen()) {
            Contracts.violationsOfRecord(topic, TopicTail.header(record, "eventType"), record.value())
                    .forEach(v -> violations.add(TopicTail.header(record, "eventType") + " " + record.value() + ": " + v));
        }
        tail.close();
        assertThat(violations).as("payloads that break their contract in src-deploy/contracts/").isEmpty();
    }

    /** One published record: key, headers (id, eventType, the W3C traceparent) and parsed payload. */
    public record Event(String key, String id, String type, String traceparent, JsonNode payload, String raw) {

        static Event of(ConsumerRecord<String, String> record) {
            try {
                return new Event(record.key(), TopicTail.header(record, "id"), TopicTail.header(record, "eventType"),
                        TopicTail.header(record, "traceparent"), JSON.readTree(record.value()), record.value());
            } catch (java.io.IOException e) {
                throw new AssertionError("Payload is not JSON: " + record.value(), e);
            }
        }

        public long sequence() {
            return payload.get("sequence").asLong();
        }
    }
}
