package dev.outboxkit.orderservice.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.outboxkit.messaging.inbound.InboundEvent;

/**
 * Applies one order event to the read side, in the caller's transaction once the caller's dedupe rule has let it
 * through: the event goes into the order's event log and into the query model. A change older than the model (an
 * event that fills a gap after a newer one arrived) is logged but leaves the model as it was.
 */
@ApplicationScoped
public class OrderHistoryProjector {

    private final EntityManager em;

    OrderHistoryProjector(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(InboundEvent event) {
        OrderHistoryChange change = OrderHistoryChange.of(event);
        // The event id is the key of the log: a repeat that got past the dedupe rule (it cannot) would change nothing.
        int logged = em.createNativeQuery("""
                INSERT INTO order_event_log (event_id, order_id, sequence, type, occurred_at, payload)
                VALUES (:eventId, :orderId, :sequence, :type, :occurredAt, :payload)
                ON CONFLICT DO NOTHING""")
                .setParameter("eventId", event.id())
                .setParameter("orderId", change.orderId())
                .setParameter("sequence", change.sequence())
                .setParameter("type", event.type().wireName())
                .setParameter("occurredAt", change.occurredAt())
                .setParameter("payload", event.source().payload())
                .executeUpdate();
        if (logged == 0) {
            return;
        }
        switch (change) {
            case OrderHistoryChange.Placed placed -> placed(placed);
            case OrderHistoryChange.StatusChanged changed -> update("status = :value", changed, changed.status());
            case OrderHistoryChange.Invoiced invoiced -> update("invoice_number = :value", invoiced, invoiced.invoiceNumber());
        }
    }

    private void placed(OrderHistoryChange.Placed order) {
        int inserted = em.createNativeQuery("""
                INSERT INTO order_history (order_id, customer_id, purchase_order_number, status, delivery_date, total,
                                           created_at, updated_at, last_sequence)
                VALUES (:orderId, :customerId, :po, :status, :deliveryDate, :total, :at, :at, :sequence)
                ON CONFLICT (order_id) DO NOTHING""")
                .setParameter("orderId", order.orderId())
                .setParameter("customerId", order.customerId())
                .setParameter("po", order.purchaseOrderNumber())
                .setParameter("status", order.status())
                .setParameter("deliveryDate", order.deliveryDate())
                .setParameter("total", order.total())
                .setParameter("at", order.occurredAt())
                .setParameter("sequence", order.sequence())
                .executeUpdate();
        if (inserted == 0) {
            return;
        }
        int lineNo = 0;
        for (OrderHistoryChange.Line line : order.lines()) {
            em.createNativeQuery("""
                    INSERT INTO order_history_line (order_id, line_no, product, quantity, unit_price)
                    VALUES (:orderId, :lineNo, :product, :quantity, :unitPrice)""")
                    .setParameter("orderId", order.orderId())
                    .setParameter("lineNo", lineNo++)
                    .setParameter("product", line.product())
                    .setParameter("quantity", line.quantity())
                    .setParameter("unitPrice", line.unitPrice())
                    .executeUpdate();
        }
    }

    private void update(String assignment, OrderHistoryChange change, String value) {
        em.createNativeQuery("UPDATE order_history SET " + assignment + ", updated_at = :at, last_sequence = :sequence"
                        + " WHERE order_id = :orderId AND last_sequence < :sequence")
                .setParameter("value", value)
                .setParameter("at", change.occurredAt())
                .setParameter("sequence", change.sequence())
                .setParameter("orderId", change.orderId())
                .executeUpdate();
    }
}
