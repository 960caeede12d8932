package dev.outboxkit.orderservice.history;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.outboxkit.messaging.inbound.InboundEvent;
import dev.outboxkit.storage.TransactionJdbc;

/**
 * Applies one order event to the read side, in the caller's transaction once the caller's dedupe rule has let it
 * through: the event goes into the order's event log and into the query model. A change older than the model (an
 * event that fills a gap after a newer one arrived) is logged but leaves the model as it was.
 */
@ApplicationScoped
public class OrderHistoryProjector {

    private final TransactionJdbc jdbc;

    OrderHistoryProjector(TransactionJdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(InboundEvent event) {
        OrderHistoryChange change = OrderHistoryChange.of(event);
        // The event id is the key of the log: a repeat that got past the dedupe rule (it cannot) would change nothing.
        int logged = jdbc.update("""
                INSERT INTO order_event_log (event_id, order_id, sequence, type, occurred_at, payload)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT DO NOTHING""", event.id(), change.orderId(), change.sequence(), event.type().wireName(),
                change.occurredAt(), event.source().payload());
        if (logged == 0) {
            return;
        }
        switch (change) {
            case OrderHistoryChange.Placed placed -> placed(placed);
            case OrderHistoryChange.StatusChanged changed -> update("status = ?", changed, changed.status());
            case OrderHistoryChange.Invoiced invoiced -> update("invoice_number = ?", invoiced, invoiced.invoiceNumber());
        }
    }

    private void placed(OrderHistoryChange.Placed order) {
        int inserted = jdbc.update("""
                INSERT INTO order_history (order_id, customer_id, purchase_order_number, status, delivery_date, total,
                                           created_at, updated_at, last_sequence)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (order_id) DO NOTHING""", order.orderId(), order.customerId(), order.purchaseOrderNumber(),
                order.status(), order.deliveryDate(), order.total(), order.occurredAt(), order.occurredAt(),
                order.sequence());
        if (inserted == 0) {
            return;
        }
        int lineNo = 0;
        for (OrderHistoryChange.Line line : order.lines()) {
            jdbc.update("""
                    INSERT INTO order_history_line (order_id, line_no, product, quantity, unit_price)
                    VALUES (?, ?, ?, ?, ?)""", order.orderId(), lineNo++, line.product(), line.quantity(), line.unitPrice());
        }
    }

    private void update(String assignment, OrderHistoryChange change, String value) {
        jdbc.update("UPDATE order_history SET " + assignment + ", updated_at = ?, last_sequence = ?"
                        + " WHERE order_id = ? AND last_sequence < ?",
                value, change.occurredAt(), change.sequence(), change.orderId(), change.sequence());
    }
}
