package dev.outboxkit.notificationservice.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outboxkit.notificationservice.support.StackTest;
import dev.outboxkit.testkit.Fixtures;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A record's {@code traceparent} header, as the relay copies it from the outbox row, makes the consumer's
 * span part of the producer's trace: same trace id, the producer's span as its parent.
 */
@QuarkusTest
class TraceContextTest extends StackTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theConsumerSpanContinuesTheTraceOfTheRecord() {
        String traceId = hex(16);
        String producerSpanId = hex(8);
        String email = Fixtures.uniqueEmail("traced");
        ObjectNode created = Fixtures.customerCreated(UUID.randomUUID(), "Traced Customer", email);

        fixtures.publish(created, "00-" + traceId + "-" + producerSpanId + "-01");

        SpanData consumer = await().atMost(TIMEOUT)
                .until(() -> consumerSpan(traceId), Optional::isPresent).orElseThrow();
        assertThat(consumer.getParentSpanId()).isEqualTo(producerSpanId);
        assertThat(consumer.getParentSpanContext().isRemote()).isTrue();
        assertThat(consumer.getName()).contains("customer.events");
        await().atMost(TIMEOUT).until(() -> inboxes.count(email) == 1);
    }

    private Optional<SpanData> consumerSpan(String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(s -> s.getTraceId().equals(traceId) && s.getKind() == SpanKind.CONSUMER)
                .findFirst();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
