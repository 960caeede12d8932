package dev.outboxkit.orderservice.history;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outboxkit.messaging.PoisonMessageException;

/**
 * Applies one order event to the read side: the event goes into the order's event log (once: a
 * redelivered event is recognised by its id) and, when new, into the query model. Status changes apply
 * only in sequence order, so a replay or a late duplicate leaves the model as it was.
 */
@ApplicationScoped
public class OrderHistoryProjector {

    private final EntityManager em;

    OrderHistoryProjector(EntityManager em) {
        this.em = em;
    }

    private static final Set<String> TYPES = Set.of("OrderCreated", "OrderStatusChanged", "InvoiceCreated");

    public static boolean handles(String type) {
        return TYPES.contains(type);
    }

    /** @return false when the event was already applied */
    @Transactional
    public boolean apply(String type, JsonNode event, String payload) {
        UUID orderId = UUID.fromString(event.get("orderId").asText());
        long sequence = event.get("sequence").asLong();
        Instant occurredAt = Instant.parse(event.get("occurredAt").asText());
        int logged = em.createNativeQuery("""
                INSERT INTO order_event_log (event_id, order_id, sequence, type, occurred_at, payload)
                VALUES (:eventId, :orderId, :sequence, :type, :occurredAt, :payload)
                ON CONFLICT DO NOTHING""")
                .setParameter("eventId", UUID.fromString(event.get("eventId").asText()))
                .setParameter("orderId", orderId)
                .setParameter("sequence", sequence)
                .setParameter("type", type)
                .setParameter("occurredAt", occurredAt)
                .setParameter("payload", payload)
                .executeUpdate();
        if (logged == 0) {
            return false;
        }
        switch (type) {
            case "OrderCreated" -> created(orderId, event, occurredAt);
            case "OrderStatusChanged" -> update("status = :value", orderId, sequence, occurredAt, event.get("status").asText());
            case "InvoiceCreated" -> update("invoice_number = :value", orderId, sequence, occurredAt,
                    event.get("invoiceNumber").asText());
            default -> throw new PoisonMessageException("Unknown order event type '" + type + "'");
        }
        return true;
    }

    private void created(UUID orderId, JsonNode event, Instant occurredAt) {
        int inserted = em.createNativeQuery("""
                INSERT INTO order_history (order_id, customer_id, purchase_order_number, status, delivery_date, total,
                                           created_at, updated_at, last_sequence)
                VALUES (:orderId, CAST(:customerId AS uuid), :po, :status, CAST(:deliveryDate AS date),
                        CAST(:total AS numeric), :at, :at, :sequence)
                ON CONFLICT (order_id) DO NOTHING""")
                .setParameter("orderId", orderId)
                .setParameter("customerId", event.get("customerId").asText())
                .setParameter("po", event.get("purchaseOrderNumber").asText())
                .setParameter("status", event.get("status").asText())
                .setParameter("deliveryDate", event.get("deliveryDate").asText())
                .setParameter("total", event.get("total").asText())
                .setParameter("at", occurredAt)
                .setParameter("sequence", event.get("sequence").asLong())
                .executeUpdate();
        if (inserted == 0) {
            return;
        }
        int lineNo = 0;
        for (JsonNode line : event.get("lines")) {
            em.createNativeQuery("""
                    INSERT INTO order_history_line (order_id, line_no, product, quantity, unit_price)
                    VALUES (:orderId, :lineNo, :product, :quantity, CAST(:unitPrice AS numeric))""")
                    .setParameter("orderId", orderId)
                    .setParameter("lineNo", lineNo++)
                    .setParameter("product", line.get("product").asText())
                    .setParameter("quantity", line.get("quantity").asInt())
                    .setParameter("unitPrice", line.get("unitPrice").asText())
                    .executeUpdate();
        }
    }

    private void update(String assignment, UUID orderId, long sequence, Instant occurredAt, String value) {
        em.createNativeQuery("UPDATE order_history SET " + assignment + ", updated_at = :at, last_sequence = :sequence"
                        + " WHERE order_id = :orderId AND last_sequence < :sequence")
                .setParameter("value", value)
                .setParameter("at", occurredAt)
                .setParameter("sequence", sequence)
                .setParameter("orderId", orderId)
                .executeUpdate();
    }
}
