package dev.outboxkit.contracts;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every event type that is published, by the name in its {@code eventType} header, with the aggregate it belongs to.
 * Each one has a JSON Schema per version in src-deploy/contracts/{aggregate}/{name}.v{n}.schema.json.
 */
public enum EventType {

    CUSTOMER_CREATED("CustomerCreated", AggregateType.CUSTOMER),
    CUSTOMER_UPDATED("CustomerUpdated", AggregateType.CUSTOMER),
    CUSTOMER_DEACTIVATED("CustomerDeactivated", AggregateType.CUSTOMER),
    ORGANIZATION_CREATED("OrganizationCreated", AggregateType.ORGANIZATION),
    ORGANIZATION_RENAMED("OrganizationRenamed", AggregateType.ORGANIZATION),
    ORDER_CREATED("OrderCreated", AggregateType.ORDER),
    ORDER_STATUS_CHANGED("OrderStatusChanged", AggregateType.ORDER),
    INVOICE_CREATED("InvoiceCreated", AggregateType.ORDER);

    private static final Map<String, EventType> BY_WIRE_NAME = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(EventType::wireName, Function.identity()));

    private final String wireName;
    private final AggregateType aggregate;

    EventType(String wireName, AggregateType aggregate) {
        this.wireName = wireName;
        this.aggregate = aggregate;
    }

    /** The {@code eventType} header's value (the outbox's type column). */
    public String wireName() {
        return wireName;
    }

    public AggregateType aggregate() {
        return aggregate;
    }

    /** The type a header names; empty for a name no contract defines. */
    public static Optional<EventType> named(String wireName) {
        return Optional.ofNullable(wireName == null ? null : BY_WIRE_NAME.get(wireName));
    }
}
