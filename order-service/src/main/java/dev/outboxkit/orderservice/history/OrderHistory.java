package dev.outboxkit.orderservice.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.outboxkit.contracts.EventType;
import dev.outboxkit.orderservice.shared.OrderAsOf;
import dev.outboxkit.orderservice.shared.PastOrders;
import dev.outboxkit.problem.NotFoundException;
import dev.outboxkit.web.Page;

/** Queries of the read side: a customer's order history, an order's events, an order as of an instant. */
@ApplicationScoped
public class OrderHistory implements PastOrders {

    private final EntityManager em;
    private final ObjectMapper mapper;

    OrderHistory(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    public record OrderSummary(UUID orderId, String purchaseOrderNumber, String status, LocalDate deliveryDate,
            BigDecimal total, @Schema(nullable = true, description = "null until the order is confirmed.") String invoiceNumber,
            List<String> products, Instant createdAt, Instant updatedAt) {
    }

    /** One event of an order; actor is who caused it (absent on events written before user access existed). */
    public record HistoricEvent(long sequence, String type, Instant occurredAt,
            @Schema(implementation = Map.class, nullable = true) JsonNode actor,
            @Schema(implementation = Map.class, description = "The event as published (its JSON Schema: src-deploy/contracts).") JsonNode payload) {

        HistoricEvent(long sequence, String type, Instant occurredAt, JsonNode payload) {
            this(sequence, type, occurredAt, payload.get("actor"), payload);
        }
    }

    @Transactional
    public Page<OrderSummary> customerOrders(UUID customerId, String status, String product, int page, int size) {
        String where = " FROM order_history h WHERE h.customer_id = :customerId"
                + (status == null ? "" : " AND h.status = :status")
                + (product == null ? "" : " AND EXISTS (SELECT 1 FROM order_history_line l"
                        + " WHERE l.order_id = h.order_id AND lower(l.product) LIKE lower(:product))");
        Query count = bind(em.createNativeQuery("SELECT count(*)" + where), customerId, status, product);
        Query rows = bind(em.createNativeQuery("""
                SELECT h.order_id, h.purchase_order_number, h.status, h.delivery_date, h.total, h.invoice_number,
                       (SELECT string_agg(l.product, '\n' ORDER BY l.line_no) FROM order_history_line l
                        WHERE l.order_id = h.order_id),
                       h.created_at, h.updated_at""" + where + " ORDER BY h.created_at DESC, h.order_id"), customerId,
                status, product)
                .setFirstResult(page * size)
                .setMaxResults(size);
        List<OrderSummary> summaries = new ArrayList<>();
        for (Object row : rows.getResultList()) {
            Object[] r = (Object[]) row;
            summaries.add(new OrderSummary((UUID) r[0], (String) r[1], (String) r[2], localDate(r[3]), (BigDecimal) r[4],
                    (String) r[5], r[6] == null ? List.of() : Arrays.asList(((String) r[6]).split("\n")), instant(r[7]),
                    instant(r[8])));
        }
        long total = ((Number) count.getSingleResult()).longValue();
        return Page.of(summaries, page, size, total);
    }

    @Transactional
    public List<HistoricEvent> events(UUID orderId) {
        List<HistoricEvent> events = eventsUntil(orderId, null);
        if (events.isEmpty()) {
            throw new NotFoundException("Order not found", "No events of order " + orderId + " have arrived.");
        }
        return events;
    }

    /** The order's state at {@code asOf}, rebuilt from its events up to that instant. */
    @Override
    @Transactional
    public OrderAsOf asOf(UUID orderId, Instant asOf) {
        List<HistoricEvent> events = eventsUntil(orderId, asOf);
        if (events.isEmpty()) {
            throw new NotFoundException("Order not found at that time", "Order " + orderId + " did not exist at " + asOf + ".");
        }
        JsonNode created = events.get(0).payload();
        String status = created.get("status").asText();
        String invoiceNumber = null;
        for (HistoricEvent event : events.subList(1, events.size())) {
            // The log holds only events the reader accepted, so every type is a known one.
            switch (EventType.named(event.type()).orElseThrow()) {
                case ORDER_STATUS_CHANGED -> status = event.payload().get("status").asText();
                case INVOICE_CREATED -> invoiceNumber = event.payload().get("invoiceNumber").asText();
                default -> { }
            }
        }
        return new OrderAsOf(orderId, asOf, created.get("purchaseOrderNumber").asText(),
                UUID.fromString(created.get("customerId").asText()), status, LocalDate.parse(created.get("deliveryDate").asText()),
                created.get("total").decimalValue(), invoiceNumber, events.get(events.size() - 1).sequence(), created.get("lines"));
    }

    private List<HistoricEvent> eventsUntil(UUID orderId, Instant until) {
        Query query = em.createNativeQuery("SELECT sequence, type, occurred_at, payload FROM order_event_log"
                        + " WHERE order_id = :orderId" + (until == null ? "" : " AND occurred_at <= :until")
                        + " ORDER BY sequence")
                .setParameter("orderId", orderId);
        if (until != null) {
            query.setParameter("until", until);
        }
        List<HistoricEvent> events = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            events.add(new HistoricEvent(((Number) r[0]).longValue(), (String) r[1], instant(r[2]), json((String) r[3])));
        }
        return events;
    }

    private static Query bind(Query query, UUID customerId, String status, String product) {
        query.setParameter("customerId", customerId);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (product != null) {
            query.setParameter("product", "%" + product + "%");
        }
        return query;
    }

    private JsonNode json(String payload) {
        try {
            return mapper.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored event is not JSON", e);
        }
    }

    private static Instant instant(Object value) {
        return value instanceof java.time.OffsetDateTime odt ? odt.toInstant()
                : value instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) value;
    }

    private static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
