package dev.outboxkit.messaging.inbound;

import java.util.List;

/**
 * A service's one transactional handler: applies events in one transaction, in the order given, each at most once
 * ({@link AppliedSequences}). It takes a list so that batching the consumers changes only {@link InboundEvents}.
 */
@FunctionalInterface
public interface InboundHandler {

    /** @return the events applied now; one left out was applied before (a redelivery or replay) and changed nothing */
    List<InboundEvent> handle(List<InboundEvent> events);
}
