package dev.outboxkit.messaging.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.messaging.ConsumedEvents;
import dev.outboxkit.messaging.PoisonMessageException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** The batch rules of every consumer, with a handler that stands for a service's transactional one. */
class InboundEventsTest {

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final Map<Long, String> deadLettered = new LinkedHashMap<>();
    private final InboundEvents inbound = new InboundEvents(new EventReader(new ObjectMapper()),
            (record, failure) -> deadLettered.put(record.offset(), failure.getMessage()), metrics);
    private final String customerId = UUID.randomUUID().toString();
    /** What the handler was called with, one list per call (one transaction each). */
    private final List<List<Long>> calls = new ArrayList<>();
    /** What committed, in order. */
    private final List<Long> effects = new ArrayList<>();

    @Test
    void aBatchIsAppliedInOneTransactionInItsOrder() {
        inbound.handleNow(List.of(event(0, 1), event(1, 2), event(2, 3)), this::apply);

        assertThat(calls).containsExactly(List.of(1L, 2L, 3L));
        assertThat(effects).containsExactly(1L, 2L, 3L);
        assertThat(counted("applied")).isEqualTo(3);
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void anUnreadableRecordIsDeadLetteredAloneAndTheRestOfItsBatchApplied() {
        ConsumerRecord<String, String> unreadable = record(1, UUID.randomUUID().toString(), "CustomerTeleported", "{}");

        inbound.handleNow(List.of(event(0, 1), unreadable, event(2, 2)), this::apply);

        assertThat(deadLettered).containsOnlyKeys(1L);
        assertThat(deadLettered.get(1L)).contains("Unknown event type 'CustomerTeleported'");
        assertThat(calls).containsExactly(List.of(1L, 2L));
        assertThat(counted("dead_lettered")).isEqualTo(1);
    }

    @Test
    void aRecordTheHandlerRefusesIsFoundOneAtATimeAndDeadLetteredAlone() {
        InboundHandler refusesSequence2 = events -> {
            if (events.stream().anyMatch(event -> event.sequence() == 2)) {
                throw new PoisonMessageException("sequence 2 is not a valid CustomerUpdated");
            }
            return apply(events);
        };

        inbound.handleNow(List.of(event(0, 1), event(1, 2), event(2, 3)), refusesSequence2);

        assertThat(calls).containsExactly(List.of(1L), List.of(3L));
        assertThat(effects).containsExactly(1L, 3L);
        assertThat(deadLettered).containsOnlyKeys(1L);
        assertThat(deadLettered.get(1L)).isEqualTo("sequence 2 is not a valid CustomerUpdated");
        assertThat(counted("applied")).isEqualTo(2);
        assertThat(counted("dead_lettered")).isEqualTo(1);
    }

    @Test
    void aDatabaseOutageIsWaitedOutForTheWholeBatch() {
        AtomicInteger failures = new AtomicInteger(2);
        InboundHandler databaseDownTwice = events -> {
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("JDBC", new SQLException("connection refused", "08001"));
            }
            return apply(events);
        };

        inbound.handleNow(List.of(event(0, 1), event(1, 2)), databaseDownTwice);

        assertThat(calls).containsExactly(List.of(1L, 2L));
        assertThat(counted("retried")).isEqualTo(4);
        assertThat(counted("applied")).isEqualTo(2);
        assertThat(deadLettered).isEmpty();
    }

    @Test
    void whatWasAppliedBeforeCountsAsADuplicate() {
        InboundHandler sequence1AppliedBefore = events -> {
            List<InboundEvent> now = apply(events);
            return now.stream().filter(event -> event.sequence() != 1).toList();
        };

        inbound.handleNow(List.of(event(0, 1), event(1, 2)), sequence1AppliedBefore);

        assertThat(counted("duplicate")).isEqualTo(1);
        assertThat(counted("applied")).isEqualTo(1);
    }

    private List<InboundEvent> apply(List<InboundEvent> events) {
        calls.add(events.stream().map(InboundEvent::sequence).toList());
        events.forEach(event -> effects.add(event.sequence()));
        return events;
    }

    private double counted(String outcome) {
        return metrics.find(ConsumedEvents.METRIC).tag("outcome", outcome).counters().stream()
                .mapToDouble(counter -> counter.count()).sum();
    }

    private ConsumerRecord<String, String> event(long offset, long sequence) {
        String payload = """
                {"schemaVersion": 1, "customerId": "%s", "sequence": %d, "name": "Ada"}""".formatted(customerId, sequence);
        return record(offset, UUID.randomUUID().toString(), "CustomerUpdated", payload);
    }

    private ConsumerRecord<String, String> record(long offset, String id, String type, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("customer.events", 0, offset, customerId, value);
        record.headers().add("id", id.getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", type.getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
