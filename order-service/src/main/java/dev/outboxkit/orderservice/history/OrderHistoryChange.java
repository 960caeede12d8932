package dev.outboxkit.orderservice.history;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.outboxkit.messaging.PoisonMessageException;
import dev.outboxkit.messaging.inbound.InboundEvent;

/** What one order event does to the read side, read from its payload: a payload without it is poison. */
sealed interface OrderHistoryChange {

    UUID orderId();

    long sequence();

    Instant occurredAt();

    record Placed(UUID orderId, long sequence, Instant occurredAt, UUID customerId, String purchaseOrderNumber,
            String status, LocalDate deliveryDate, BigDecimal total, List<Line> lines) implements OrderHistoryChange {
    }

    record Line(String product, int quantity, BigDecimal unitPrice) {
    }

    record StatusChanged(UUID orderId, long sequence, Instant occurredAt, String status) implements OrderHistoryChange {
    }

    record Invoiced(UUID orderId, long sequence, Instant occurredAt, String invoiceNumber) implements OrderHistoryChange {
    }

    static OrderHistoryChange of(InboundEvent event) {
        Fields fields = new Fields(event);
        UUID orderId = fields.uuid(event.payload(), "orderId");
        Instant occurredAt = fields.parse(event.payload(), "occurredAt", Instant::parse);
        return switch (event.type()) {
            case ORDER_CREATED -> {
                List<Line> lines = new ArrayList<>();
                for (JsonNode line : fields.array("lines")) {
                    lines.add(new Line(fields.text(line, "product"), fields.number(line, "quantity").intValue(),
                            fields.number(line, "unitPrice")));
                }
                yield new Placed(orderId, event.sequence(), occurredAt, fields.uuid(event.payload(), "customerId"),
                        fields.text(event.payload(), "purchaseOrderNumber"), fields.text(event.payload(), "status"),
                        fields.parse(event.payload(), "deliveryDate", LocalDate::parse),
                        fields.number(event.payload(), "total"), List.copyOf(lines));
            }
            case ORDER_STATUS_CHANGED -> new StatusChanged(orderId, event.sequence(), occurredAt,
                    fields.text(event.payload(), "status"));
            case INVOICE_CREATED -> new Invoiced(orderId, event.sequence(), occurredAt,
                    fields.text(event.payload(), "invoiceNumber"));
            default -> throw new PoisonMessageException(event + " is not an order event");
        };
    }

    /** Reads required fields, naming the event and the field when one is missing or malformed. */
    final class Fields {

        private final InboundEvent event;

        private Fields(InboundEvent event) {
            this.event = event;
        }

        String text(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isValueNode() || value.isNull()) {
                throw poison("no " + field);
            }
            return value.asText();
        }

        BigDecimal number(JsonNode node, String field) {
            JsonNode value = node.get(field);
            if (value == null || !value.isNumber()) {
                throw poison(field + " is not a number");
            }
            return value.decimalValue();
        }

        UUID uuid(JsonNode node, String field) {
            return parse(node, field, UUID::fromString);
        }

        <T> T parse(JsonNode node, String field, java.util.function.Function<String, T> parser) {
            String text = text(node, field);
            try {
                return parser.apply(text);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw poison(field + " '" + text + "' is malformed");
            }
        }

        Iterable<JsonNode> array(String field) {
            JsonNode value = event.payload().get(field);
            if (value == null || !value.isArray()) {
                throw poison("no " + field);
            }
            return value;
        }

        private PoisonMessageException poison(String why) {
            return new PoisonMessageException("Event " + event.id() + " is not a valid " + event.type().wireName() + ": " + why);
        }
    }
}
