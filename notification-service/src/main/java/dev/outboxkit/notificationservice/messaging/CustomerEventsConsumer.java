package dev.outboxkit.notificationservice.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Reads the customer topic. The record is acknowledged only after {@link CustomerEventHandler} has
 * committed its effect; a failure is handed to the channel's failure strategy (dead-letter topic).
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    static final String EVENT_ID_HEADER = "id";
    static final String EVENT_TYPE_HEADER = "eventType";

    private final CustomerEventHandler handler;

    CustomerEventsConsumer(CustomerEventHandler handler) {
        this.handler = handler;
    }

    /**
     * The connector hands over the next record only when this Uni has completed, so records are handled
     * one at a time, in partition order. Not {@code @Blocking(ordered = true)}: that runs the handler as
     * a task of the Vert.x context's ordered queue, where the mailer queues its own blocking work, and
     * the two wait for each other until the transaction times out.
     */
    @Incoming("customer-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom()
                .item(() -> {
                    handler.handle(UUID.fromString(header(record, EVENT_ID_HEADER)), header(record, EVENT_TYPE_HEADER),
                            record.value());
                    return (Void) null;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            throw new PoisonMessageException("Missing header '" + name + "' on " + record.topic() + "-"
                    + record.partition() + "@" + record.offset());
        }
        return unquote(new String(header.value(), StandardCharsets.UTF_8));
    }

    /** Header values written by a JSON header converter arrive quoted; accept both forms. */
    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
