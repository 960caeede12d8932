package dev.outboxkit.customerservice.outbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ProducerState;
import org.apache.kafka.clients.admin.TransactionListing;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.outboxkit.customerservice.support.Api;
import dev.outboxkit.customerservice.support.EventsTest;
import dev.outboxkit.testkit.PublishedEvents.Event;
import dev.outboxkit.testkit.TopicTail;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The relay runs with Kafka Connect's exactly-once source support (src-deploy/stack, RELAY_EXACTLY_ONCE): what
 * it publishes comes from its transactional producer, and what the relay promised before still holds under
 * it: the Outbox Event Router's topic, key and headers, the trace header, and the heartbeat that lets the
 * replication slot move on while the outbox is idle.
 */
@QuarkusTest
class ExactlyOnceRelayTest extends EventsTest {

    /** Kafka Connect names a task's transactional producer {@code <worker group id>-<connector>-<task>}. */
    private static final String RELAY_TASK = "-customer-outbox-0";

    @Inject
    DataSource database;

    @ConfigProperty(name = "test.kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void anEventIsRoutedAndCarriesItsHeadersAndTraceFromTheRelaysCommittedTransaction() throws Exception {
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        String id = given().contentType(ContentType.JSON).header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(Map.of("name", "Ada Exactly", "email", Api.uniqueEmail("exactly")))
                .when().post("/customers").then().statusCode(201).extract().path("id");

        // customerEvents reads committed records only: the event is there once its transaction committed
        Event created = customerEvents.awaitEvents(id, 1).get(0);
        assertThat(created.key()).as("key: the aggregate id (Outbox Event Router)").isEqualTo(id);
        assertThat(created.type()).as("eventType header").isEqualTo("CustomerCreated");
        assertThat(created.id()).as("id header: the event id").isEqualTo(created.payload().path("eventId").asText());
        assertThat(created.traceparent().split("-")[1]).as("traceparent header: the caller's trace").isEqualTo(traceId);

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            TransactionListing relay = admin.listTransactions().all().get().stream()
                    .filter(t -> t.transactionalId().endsWith(RELAY_TASK)).findFirst()
                    .orElseThrow(() -> new AssertionError("no transactional producer of the relay's task" + RELAY_TASK
                            + ": is the worker's exactly.once.source.support enabled?"));
            List<TopicPartition> partitions = admin.describeTopics(List.of("customer.events")).allTopicNames().get()
                    .get("customer.events").partitions().stream()
                    .map(p -> new TopicPartition("customer.events", p.partition())).toList();
            Set<Long> writers = admin.describeProducers(partitions).all().get().values().stream()
                    .flatMap(p -> p.activeProducers().stream()).map(ProducerState::producerId).collect(Collectors.toSet());
            assertThat(writers).as("producers that wrote to customer.events").contains(relay.producerId());
        }
    }

    @Test
    void theHeartbeatIsCommittedAndLetsTheSlotMoveOnWhileTheOutboxIsIdle() throws Exception {
        String walNow = query("SELECT pg_current_wal_lsn()::text");
        try (TopicTail heartbeats = TopicTail.open(bootstrapServers, "__debezium-heartbeat.customer")) {
            // heartbeat.interval.ms is 10 s; the offset flush that confirms it to PostgreSQL runs every 5 s
            heartbeats.awaitRecord(record -> true, Duration.ofSeconds(60));
        }
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> "true".equals(query(
                "SELECT (confirmed_flush_lsn >= '" + walNow + "'::pg_lsn)::text FROM pg_replication_slots"
                        + " WHERE slot_name = 'customer_outbox'")));
    }

    private String query(String sql) throws SQLException {
        try (var connection = database.getConnection(); var statement = connection.createStatement();
                var result = statement.executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }
}
