package dev.outboxkit.orderservice.rebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.outboxkit.messaging.KafkaClientSettings;
import dev.outboxkit.messaging.TopicReplay;
import dev.outboxkit.messaging.inbound.EventReader;
import dev.outboxkit.orderservice.messaging.EventHandler;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Rebuilds everything this service derives from events (the customer and organization view and the
 * order history) by replaying the topics from their beginning, with the same code the live consumers
 * run. It happens in one transaction whose TRUNCATE locks the applied sequences and those tables before
 * anything else: the live consumers wait, then carry on from where they were, skipping what the replay already
 * applied. Readers see the old model until the new one commits. It refuses, changing nothing, when a topic no
 * longer starts at offset 0.
 */
@ApplicationScoped
public class ReadModelRebuild {

    private final EntityManager em;
    private final EventReader reader;
    private final EventHandler handler;
    private final KafkaClientSettings kafka;
    private final List<String> customerTopics;
    private final String orderTopic;

    ReadModelRebuild(EntityManager em, EventReader reader, EventHandler handler,
            KafkaClientSettings kafka,
            @ConfigProperty(name = "mp.messaging.incoming.customer-events.topics") List<String> customerTopics,
            @ConfigProperty(name = "mp.messaging.incoming.order-events.topic") String orderTopic) {
        this.em = em;
        this.reader = reader;
        this.handler = handler;
        this.kafka = kafka;
        this.customerTopics = customerTopics;
        this.orderTopic = orderTopic;
    }

    public record Report(long customerEvents, long orderEvents, long millis) {
    }

    @Transactional
    @TransactionConfiguration(timeout = 3600)
    public Report rebuild() {
        long started = System.nanoTime();
        List<String> topics = new ArrayList<>(customerTopics);
        topics.add(orderTopic);
        Map<TopicPartition, Long> truncated = TopicReplay.truncated(kafka.consumer("read-model-rebuild"), topics);
        if (!truncated.isEmpty()) {
            // Checked before anything is truncated: a rebuild from part of the history would silently forget
            // the customers and orders whose events retention already deleted.
            throw new HistoryIncompleteException(truncated);
        }
        // applied_sequence holds only this service's consumer: forgetting it all lets the replay apply everything.
        // It comes first because PostgreSQL locks the tables in this order, and applied_sequence is the first table
        // a live consumer writes: a consumer then waits before it holds anything, instead of holding the applied
        // sequence while it waits for a view (a deadlock).
        em.createNativeQuery("""
                TRUNCATE applied_sequence, order_event_log, order_history_line, order_history, customer_view,
                         organization_view""").executeUpdate();
        AtomicLong customerEvents = new AtomicLong();
        AtomicLong orderEvents = new AtomicLong();
        TopicReplay.replay(kafka.consumer("read-model-rebuild"), customerTopics, record -> reader.readIfValid(record)
                .ifPresent(event -> customerEvents.addAndGet(handler.handle(List.of(event)).size())));
        TopicReplay.replay(kafka.consumer("read-model-rebuild"), List.of(orderTopic), record -> reader.readIfValid(record)
                .ifPresent(event -> orderEvents.addAndGet(handler.handle(List.of(event)).size())));
        Report report = new Report(customerEvents.get(), orderEvents.get(), (System.nanoTime() - started) / 1_000_000);
        Log.infof("Read model rebuilt from the topics: %s", report);
        return report;
    }
}
