package dev.outboxkit.messaging.inbound;

import java.util.List;

/**
 * A service's one transactional handler: applies events in one transaction, in the order given, each at most once
 * ({@link AppliedSequences}). {@link InboundEvents} hands it a poll's events together, or one at a time to find the
 * one that fails.
 */
@FunctionalInterface
public interface InboundHandler {

    /** @return the events applied now; one left out was applied before (a redelivery or replay) and changed nothing */
    List<InboundEvent> handle(List<InboundEvent> events);
}
