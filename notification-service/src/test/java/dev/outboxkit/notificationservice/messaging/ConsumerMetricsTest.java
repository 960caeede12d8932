package dev.outboxkit.notificationservice.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outboxkit.notificationservice.support.StackTest;
import dev.outboxkit.testkit.Fixtures;
import dev.outboxkit.testkit.Metrics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What this service counts, read from its /q/metrics after real records went through the real topic:
 * one event applied, its redelivery a duplicate, a poison message dead-lettered, the welcome email sent;
 * and the Kafka client's own lag metrics, bound by quarkus-micrometer.
 */
@QuarkusTest
class ConsumerMetricsTest extends StackTest {

    private static final String CONSUMED = "events_consumed_total";
    private static final String EMAILS = "notification_email_attempts_total";

    @Test
    void consumedEventsAndEmailAttemptsAreCountedByOutcome() {
        double applied = consumed("CustomerCreated", "applied");
        double duplicates = consumed("CustomerCreated", "duplicate");
        double poisoned = consumed("CustomerMisspelled", "dead_lettered");
        double sent = Metrics.count(EMAILS, "kind", "WELCOME", "outcome", "sent");
        String email = Fixtures.uniqueEmail("counted");
        ObjectNode created = Fixtures.customerCreated(UUID.randomUUID(), "Counted Once", email);

        fixtures.publish(created);
        fixtures.publish(created);
        fixtures.send("customer.events", UUID.randomUUID().toString(), UUID.randomUUID().toString(), "CustomerMisspelled",
                created.toString());

        // Other tests' emails may be sent meanwhile, so the counters are checked as lower bounds, once this
        // test's own email is in.
        await().atMost(TIMEOUT).until(() -> inboxes.count(email) == 1);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(consumed("CustomerCreated", "applied")).isGreaterThanOrEqualTo(applied + 1);
            assertThat(consumed("CustomerCreated", "duplicate")).isGreaterThanOrEqualTo(duplicates + 1);
            assertThat(consumed("CustomerMisspelled", "dead_lettered")).isEqualTo(poisoned + 1);
            assertThat(Metrics.count(EMAILS, "kind", "WELCOME", "outcome", "sent")).isGreaterThanOrEqualTo(sent + 1);
        });
    }

    /** The per-partition series (records_lag{topic, partition}) follow within a minute: Micrometer's refresh. */
    @Test
    void theKafkaConsumerReportsItsLag() {
        assertThat(Metrics.sample("kafka_consumer_fetch_manager_records_lag_max", "client_id", "kafka-consumer-domain-events"))
                .isPresent();
    }

    private static double consumed(String type, String outcome) {
        return Metrics.count(CONSUMED, "topic", "customer.events", "type", type, "outcome", outcome);
    }
}
