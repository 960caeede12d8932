package dev.outboxkit.orderservice.messaging;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.outboxkit.orderservice.history.OrderHistoryProjector;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Feeds the read side from order.events, the same stream every other consumer sees: the order history
 * never reads the write tables, so it can be rebuilt from the topic alone.
 */
@ApplicationScoped
public class OrderEventsConsumer {

    private final OrderHistoryProjector projector;
    private final ObjectMapper mapper;

    OrderEventsConsumer(OrderHistoryProjector projector, ObjectMapper mapper) {
        this.projector = projector;
        this.mapper = mapper;
    }

    @Incoming("order-events")
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return Uni.createFrom()
                .item(() -> {
                    projector.apply(type(record), read(record.value()), record.value());
                    return (Void) null;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private JsonNode read(String payload) {
        try {
            return mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String type(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader("eventType");
        if (header == null) {
            throw new IllegalArgumentException("Missing header 'eventType'");
        }
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
