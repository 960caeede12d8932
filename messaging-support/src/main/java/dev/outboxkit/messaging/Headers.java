package dev.outboxkit.messaging;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** The headers the outbox relay puts on every event: {@code id} (the event id) and {@code eventType}. */
public final class Headers {

    public static final String EVENT_ID = "id";
    public static final String EVENT_TYPE = "eventType";

    private Headers() {
    }

    /** The header's value as text, or null when the record has none. */
    public static String get(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
