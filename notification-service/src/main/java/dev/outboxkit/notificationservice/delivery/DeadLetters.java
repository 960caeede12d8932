package dev.outboxkit.notificationservice.delivery;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.outboxkit.messaging.Headers;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Puts an event whose email ran out of attempts on the dead-letter topic, as it arrived (key, headers
 * id and eventType, payload) plus the reason, the same shape the consumer's own dead letters have.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON_HEADER = "dead-letter-reason";
    public static final String TOPIC_HEADER = "dead-letter-topic";

    private final MutinyEmitter<String> emitter;

    DeadLetters(@Channel("dead-letters") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** Returns once the broker has the record, so the caller may then mark the delivery dead-lettered. */
    public void publish(SourceEvent source, String reason) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Headers.EVENT_ID, bytes(source.eventId().toString()));
        headers.add(Headers.EVENT_TYPE, bytes(source.type()));
        headers.add(REASON_HEADER, bytes(reason));
        headers.add(TOPIC_HEADER, bytes(source.topic()));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(source.key())
                .withHeaders(headers)
                .build();
        emitter.sendMessageAndAwait(Message.of(source.payload()).addMetadata(metadata));
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
