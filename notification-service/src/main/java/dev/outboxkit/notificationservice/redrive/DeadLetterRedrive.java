package dev.outboxkit.notificationservice.redrive;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.outboxkit.messaging.DeadLetterTopic;
import dev.outboxkit.messaging.Headers;
import dev.outboxkit.messaging.KafkaClientSettings;
import dev.outboxkit.messaging.TopicReplay;
import dev.outboxkit.messaging.inbound.EventReader;
import dev.outboxkit.messaging.inbound.InboundEvent;
import dev.outboxkit.notificationservice.delivery.DeliveryDispatcher;
import dev.outboxkit.notificationservice.delivery.DeliveryLedger;
import dev.outboxkit.notificationservice.messaging.EventHandler;
import io.quarkus.logging.Log;

/**
 * Re-processes what is on the dead-letter topic, from its beginning to where it ends now, idempotently:
 * a dead-lettered email gets a fresh attempt budget, an event whose effect is already stored is
 * skipped (applied_sequence knows it), and any other event goes through the normal reader and handler again,
 * which is what makes a poison message succeed once the fix for it is deployed.
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private final EventReader reader;
    private final EventHandler handler;
    private final DeliveryLedger ledger;
    private final DeliveryDispatcher dispatcher;
    private final KafkaClientSettings kafka;
    private final String topic;

    DeadLetterRedrive(EventReader reader, EventHandler handler, DeliveryLedger ledger, DeliveryDispatcher dispatcher,
            KafkaClientSettings kafka,
            DeadLetterTopic deadLetters) {
        this.reader = reader;
        this.handler = handler;
        this.ledger = ledger;
        this.dispatcher = dispatcher;
        this.kafka = kafka;
        this.topic = deadLetters.name();
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
        long examined = TopicReplay.replay(kafka.consumer("dead-letter-redrive"), List.of(topic), record -> {
            String eventId = Headers.get(record, Headers.EVENT_ID);
            try {
                InboundEvent event = original(record);
                if (ledger.requeue(event.id())) {
                    requeued.incrementAndGet();
                    return;
                }
                (handler.handle(List.of(event)).isEmpty() ? alreadyHandled : reprocessed).incrementAndGet();
            } catch (RuntimeException e) {
                failed.add(new Failure(eventId, e.getMessage()));
            }
        });
        dispatcher.wakeUp();
        Report report = new Report((int) examined, requeued.get(), reprocessed.get(), alreadyHandled.get(), failed);
        Log.infof("Dead-letter redrive: %s", report);
        return report;
    }

    /** The event as it first arrived: the topic it came from is in the dead-letter-topic header. */
    private InboundEvent original(ConsumerRecord<String, String> record) {
        InboundEvent.Source source = new InboundEvent.Source(Headers.get(record, DeadLetterTopic.TOPIC_HEADER), record.key(),
                record.value());
        return reader.read(source, Headers.get(record, Headers.EVENT_ID), Headers.get(record, Headers.EVENT_TYPE));
    }
}
