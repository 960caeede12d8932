package dev.outboxkit.customerservice.customer;

/** Names that leave this service: the aggregate type becomes the topic {@code customer.events}. */
public final class CustomerAggregate {

    public static final String TYPE = "customer";

    private CustomerAggregate() {
    }
}
