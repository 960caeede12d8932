package dev.outboxkit.notificationservice.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import dev.outboxkit.messaging.lag.ConsumerLagMonitor;
import dev.outboxkit.messaging.lag.GroupLag;
import dev.outboxkit.notificationservice.support.StackTest;
import dev.outboxkit.testkit.Fixtures;
import dev.outboxkit.testkit.Metrics;
import io.quarkus.test.junit.QuarkusTest;

/** The consumer-lag guardrail against the real broker: a group's committed lag, its gauge and its health group. */
@QuarkusTest
class ConsumerLagTest extends StackTest {

    @Inject
    ConsumerLagMonitor monitor;

    @Test
    void aGroupThatCommittedNothingSinceOffsetZeroIsAsFarBehindAsTheTopicIsLong() throws Exception {
        fixtures.publish(Fixtures.customerCreated(UUID.randomUUID(), "Lag Probe", Fixtures.uniqueEmail("lag")));
        String group = "lag-probe-" + UUID.randomUUID();
        long recordsOnTopic;
        try (Admin admin = Admin.create(adminProps())) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            admin.describeTopics(List.of("customer.events")).allTopicNames().get().get("customer.events").partitions()
                    .forEach(p -> latest.put(new TopicPartition("customer.events", p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, OffsetAndMetadata> atStart = new HashMap<>();
            recordsOnTopic = 0;
            for (var end : admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get().entrySet()) {
                atStart.put(end.getKey(), new OffsetAndMetadata(0));
                recordsOnTopic += end.getValue().offset();
            }
            admin.alterConsumerGroupOffsets(group, atStart).all().get();
        }

        GroupLag lag = monitor.read(group);

        assertThat(lag.records()).isEqualTo(recordsOnTopic).isPositive();
        assertThat(lag.ok(recordsOnTopic + 1)).isTrue();
        assertThat(lag.ok(recordsOnTopic)).isFalse();
        assertThat(lag.describe(recordsOnTopic)).contains("at or over the warning threshold");
    }

    @Test
    void theServicesOwnGroupIsWatchedAsAGaugeAndAHealthGroup() {
        given().when().get("/q/health/group/consumers").then().statusCode(200)
                .body("checks[0].name", equalTo("consumer group lag"))
                .body("checks[0].status", equalTo("UP"))
                .body("checks[0].data.notification-service", greaterThanOrEqualTo(0));
        await().atMost(TIMEOUT).until(() -> Metrics.sample("messaging_consumer_group_lag_records", "group", "notification-service")
                .isPresent());
    }

    private Properties adminProps() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        return props;
    }
}
