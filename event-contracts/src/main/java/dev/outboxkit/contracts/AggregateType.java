package dev.outboxkit.contracts;

/**
 * What an event is about. The relay publishes each aggregate type's events to {@code <name>.events}, keyed by the
 * aggregate id, which every payload also carries in the field {@link #idField()}.
 */
public enum AggregateType {

    CUSTOMER("customer", "customerId"),
    ORGANIZATION("organization", "organizationId"),
    ORDER("order", "orderId");

    private final String wireName;
    private final String idField;

    AggregateType(String wireName, String idField) {
        this.wireName = wireName;
        this.idField = idField;
    }

    /** The outbox's aggregatetype column, and the first part of the topic name. */
    public String wireName() {
        return wireName;
    }

    /** The payload field that holds the aggregate's id. */
    public String idField() {
        return idField;
    }
}
