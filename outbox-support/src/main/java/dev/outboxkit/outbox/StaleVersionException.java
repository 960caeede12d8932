package dev.outboxkit.outbox;

import jakarta.persistence.OptimisticLockException;

/**
 * A change based on a version the aggregate is no longer at ({@link Aggregate#requireVersion}): the client must read
 * it again and retry. It is the persistence API's optimistic-lock refusal, the same as Hibernate's when another
 * transaction committed first, so that one mapping answers both; unlike Hibernate's, its message is meant for the
 * client (which version the aggregate is at, which one the request was based on).
 */
public class StaleVersionException extends OptimisticLockException {

    public StaleVersionException(Aggregate aggregate, String detail) {
        super(detail, null, aggregate);
    }
}
