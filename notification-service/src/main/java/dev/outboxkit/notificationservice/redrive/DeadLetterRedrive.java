package dev.outboxkit.notificationservice.redrive;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.outboxkit.messaging.Headers;
import dev.outboxkit.messaging.TopicReplay;
import dev.outboxkit.notificationservice.delivery.DeadLetters;
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

    public record Failure(@Schema(nullable = true, description = "null when the record has no id header.") String eventId,
            String reason) {
    }

    public Report redriveAll() {
        AtomicInteger requeued = new AtomicInteger();
        AtomicInteger reprocessed = new AtomicInteger();
        AtomicInteger alreadyHandled = new AtomicInteger();
        List<Failure> failed = new ArrayList<>();
        long examined = TopicReplay.replay(bootstrapServers, List.of(topic), record -> {
            SourceEvent event;
            try {
                event = original(record);
            } catch (RuntimeException e) {
                failed.add(new Failure(Headers.get(record, Headers.EVENT_ID), e.getMessage()));
                return;
            }
            if (ledger.requeue(event.eventId())) {
                requeued.incrementAndGet();
                return;
            }
            try {
                (handler.handle(event) ? reprocessed : alreadyHandled).incrementAndGet();
            } catch (RuntimeException e) {
                failed.add(new Failure(event.eventId().toString(), e.getMessage()));
            }
        });
        dispatcher.wakeUp();
        Report report = new Report((int) examined, requeued.get(), reprocessed.get(), alreadyHandled.get(), failed);
        Log.infof("Dead-letter redrive: %s", report);
        return report;
    }

    /** The event as it first arrived: the topic it came from is in the dead-letter-topic header. */
    private static SourceEvent original(ConsumerRecord<String, String> record) {
        String id = Headers.get(record, Headers.EVENT_ID);
        String type = Headers.get(record, Headers.EVENT_TYPE);
        String from = Headers.get(record, DeadLetters.TOPIC_HEADER);
        if (id == null || type == null) {
            throw new IllegalArgumentException("no id or eventType header at " + Headers.position(record));
        }
        return new SourceEvent(from, record.key(), UUID.fromString(id), type, record.value());
    }
}
