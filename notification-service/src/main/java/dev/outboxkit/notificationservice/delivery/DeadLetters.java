package dev.outboxkit.notificationservice.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;

import dev.outboxkit.messaging.DeadLetterTopic;
import dev.outboxkit.messaging.Headers;

/**
 * Puts an event whose email ran out of attempts on the dead-letter topic, as it arrived (key, headers id and
 * eventType, payload) plus the reason and its topic: the shape of the consumer's own dead letters, so one redrive
 * serves both.
 */
@ApplicationScoped
public class DeadLetters {

    private final DeadLetterTopic topic;

    DeadLetters(DeadLetterTopic topic) {
        this.topic = topic;
    }

    /** Returns once the broker has the record, so the caller may then mark the delivery dead-lettered. */
    public void publish(SourceEvent source, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Headers.EVENT_ID, DeadLetterTopic.bytes(source.eventId().toString()));
        headers.add(Headers.EVENT_TYPE, DeadLetterTopic.bytes(source.type()));
        headers.add(DeadLetterTopic.REASON_HEADER, DeadLetterTopic.bytes(reason));
        headers.add(DeadLetterTopic.TOPIC_HEADER, DeadLetterTopic.bytes(source.topic()));
        topic.publish(source.key(), source.payload(), headers);
    }
}
