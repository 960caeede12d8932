package dev.outboxkit.messaging.lag;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import dev.outboxkit.messaging.KafkaClientSettings;

/**
 * Watches the committed lag of this service's consumer groups: as the gauge
 * {@code messaging_consumer_group_lag_records{group}}, a warning in the log when a group passes the
 * threshold (and when it comes back), and as DOWN in the health group {@code consumers}
 * ({@link ConsumerLagHealthCheck}). Never in readiness: a consumer behind still serves its REST API, and a
 * restart would only add to the delay. Consumers retry failures in place, so a database outage shows here
 * as lag rather than as dead letters.
 * <p>
 * A background thread reads the lag every {@code messaging.lag.check-interval}; the gauges show its last
 * reading, so a metrics scrape never calls Kafka.
 */
@ApplicationScoped
public class ConsumerLagMonitor {

    private static final long KAFKA_TIMEOUT_SECONDS = 10;
    private static final ListOffsetsOptions READ_COMMITTED = new ListOffsetsOptions(IsolationLevel.READ_COMMITTED);

    private final ConsumerLagConfig config;
    private final MeterRegistry metrics;
    private final KafkaClientSettings kafkaSettings;
    private final Map<String, GroupLag> latest = new ConcurrentHashMap<>();
    private final Map<String, Boolean> lastOk = new HashMap<>();
    private Admin admin;
    private ScheduledExecutorService poller;
    private volatile boolean stopping;

    ConsumerLagMonitor(ConsumerLagConfig config, MeterRegistry metrics,
            KafkaClientSettings kafkaSettings) {
        this.config = config;
        this.metrics = metrics;
        this.kafkaSettings = kafkaSettings;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.monitorEnabled() || groups().isEmpty()) {
            Log.infof("Not watching consumer lag (messaging.lag.monitor-enabled=%s, groups=%s)", config.monitorEnabled(), groups());
            return;
        }
        for (String group : groups()) {
            Gauge.builder("messaging.consumer.group.lag.records", this, m -> {
                GroupLag lag = m.latest.get(group);
                return lag == null || !lag.readable() ? Double.NaN : lag.records();
            }).description("Records on the group's partitions it has not committed yet (Kafka's view, all instances)")
                    .tag("group", group)
                    .strongReference(true)
                    .register(metrics);
        }
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("consumer-lag-monitor").daemon(true).factory());
        poller.scheduleWithFixedDelay(this::poll, 0, config.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        stopping = true;
        if (poller != null) {
            poller.shutdownNow();
        }
        synchronized (this) {
            if (admin != null) {
                admin.close();
            }
        }
    }

    public List<String> groups() {
        return config.groups().orElse(List.of());
    }

    /** Any group, read now; the health check and the tests use it. */
    public GroupLag read(String group) {
        try {
            Admin kafka = admin();
            Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(KAFKA_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            committed.keySet().forEach(partition -> ends.put(partition, OffsetSpec.latest()));
            // The last stable offset, not the high watermark: an open relay transaction is not lag yet.
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = kafka.listOffsets(ends, READ_COMMITTED).all()
                    .get(KAFKA_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, OffsetAndMetadata> partition : committed.entrySet()) {
                if (partition.getValue() != null) {
                    lag += Math.max(0, end.get(partition.getKey()).offset() - partition.getValue().offset());
                }
            }
            return new GroupLag(group, lag, committed.size(), null);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return GroupLag.unreadable(group, e);
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(kafkaSettings.admin("consumer-lag-monitor"));
        }
        return admin;
    }

    private void poll() {
        for (String group : groups()) {
            GroupLag lag = read(group);
            if (stopping) {
                // A reading cut short by the shutdown (its admin client closed under it) says nothing about the lag.
                return;
            }
            latest.put(group, lag);
            boolean ok = lag.ok(config.warnRecords());
            if (!Boolean.valueOf(ok).equals(lastOk.put(group, ok))) {
                if (ok) {
                    Log.infof("Consumer lag: %s", lag.describe(config.warnRecords()));
                } else {
                    Log.warnf("Consumer lag: %s", lag.describe(config.warnRecords()));
                }
            }
        }
    }
}
