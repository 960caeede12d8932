package dev.outboxkit.orderservice.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.outboxkit.messaging.PoisonMessageException;
import dev.outboxkit.messaging.directory.CustomerDirectory;
import dev.outboxkit.messaging.inbound.AppliedSequences;
import dev.outboxkit.messaging.inbound.InboundEvent;
import dev.outboxkit.messaging.inbound.InboundHandler;
import dev.outboxkit.orderservice.history.OrderHistoryProjector;

/**
 * Applies each event this service derives state from at most once: customer and organization events to the
 * customer directory, order events to the order history (the read side). The applied sequence and the change
 * commit together. Live consumers and the read-model rebuild run the same code.
 */
@ApplicationScoped
public class EventHandler implements InboundHandler {

    /** This service's name in applied_sequence. */
    public static final String CONSUMER = "order-service";

    private final AppliedSequences applied;
    private final CustomerDirectory directory;
    private final OrderHistoryProjector orderHistory;

    EventHandler(AppliedSequences applied, CustomerDirectory directory, OrderHistoryProjector orderHistory) {
        this.applied = applied;
        this.directory = directory;
        this.orderHistory = orderHistory;
    }

    @Override
    @Transactional
    public List<InboundEvent> handle(List<InboundEvent> events) {
        return applied.applyOnce(CONSUMER, events, this::apply);
    }

    private void apply(InboundEvent event) {
        switch (event.type()) {
            case CUSTOMER_CREATED, CUSTOMER_UPDATED, CUSTOMER_DEACTIVATED, ORGANIZATION_CREATED, ORGANIZATION_RENAMED ->
                    directory.apply(event);
            case ORDER_CREATED, ORDER_STATUS_CHANGED, INVOICE_CREATED -> orderHistory.apply(event);
            default -> throw new PoisonMessageException(event + " is not an event this service handles");
        }
    }
}
