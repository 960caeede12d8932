package dev.outboxkit.orderservice.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.outboxkit.contracts.EventType;
import dev.outboxkit.messaging.PoisonMessageException;
import dev.outboxkit.messaging.inbound.InboundEvent;

/** Plain JUnit: what each order event does to the read side, read from its payload alone. */
class OrderHistoryChangeTest {

    private static final Instant AT = Instant.parse("2030-01-01T10:00:00Z");

    private final ObjectMapper mapper = new ObjectMapper();
    private final UUID orderId = UUID.randomUUID();
    private final UUID customerId = UUID.randomUUID();

    @Test
    void aPlacedOrderCarriesItsLinesAndTotals() {
        ObjectNode payload = order().put("customerId", customerId.toString()).put("purchaseOrderNumber", "PO-1")
                .put("status", "CREATED").put("deliveryDate", "2030-02-01").put("total", 19.0);
        payload.putArray("lines").addObject().put("product", "Brass gear").put("quantity", 2).put("unitPrice", 9.5);

        assertThat(OrderHistoryChange.of(event(EventType.ORDER_CREATED, payload, 1))).isEqualTo(
                new OrderHistoryChange.Placed(orderId, 1, AT, customerId, "PO-1", "CREATED", LocalDate.of(2030, 2, 1),
                        new BigDecimal("19.0"), List.of(new OrderHistoryChange.Line("Brass gear", 2, new BigDecimal("9.5")))));
    }

    @Test
    void statusChangesAndInvoicesChangeOneColumnEach() {
        assertThat(OrderHistoryChange.of(event(EventType.ORDER_STATUS_CHANGED, order().put("status", "CONFIRMED"), 2)))
                .isEqualTo(new OrderHistoryChange.StatusChanged(orderId, 2, AT, "CONFIRMED"));
        assertThat(OrderHistoryChange.of(event(EventType.INVOICE_CREATED, order().put("invoiceNumber", "INV-000001"), 3)))
                .isEqualTo(new OrderHistoryChange.Invoiced(orderId, 3, AT, "INV-000001"));
    }

    @Test
    void whatTheReadSideNeedsMissingOrMalformedIsPoison() {
        assertPoison(event(EventType.ORDER_STATUS_CHANGED, order(), 2), "no status");
        assertPoison(event(EventType.ORDER_STATUS_CHANGED, order().put("status", "X").put("occurredAt", "yesterday"), 2),
                "occurredAt 'yesterday' is malformed");
        assertPoison(event(EventType.ORDER_CREATED, order().put("total", "19"), 1), "no lines");
        assertPoison(event(EventType.CUSTOMER_CREATED, order(), 1), "is not an order event");
    }

    private ObjectNode order() {
        return mapper.createObjectNode().put("orderId", orderId.toString()).put("occurredAt", AT.toString());
    }

    private InboundEvent event(EventType type, ObjectNode payload, long sequence) {
        return new InboundEvent(UUID.randomUUID(), type, orderId.toString(), sequence, 1, payload,
                new InboundEvent.Source("order.events", orderId.toString(), payload.toString()));
    }

    private static void assertPoison(InboundEvent event, String reason) {
        assertThatThrownBy(() -> OrderHistoryChange.of(event)).isInstanceOf(PoisonMessageException.class)
                .hasMessageContaining(reason);
    }
}
