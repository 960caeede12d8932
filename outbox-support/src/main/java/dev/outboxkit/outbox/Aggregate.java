package dev.outboxkit.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * A root entity whose changes are published: a version for optimistic locking, and the number of the
 * last event emitted about it. Both live in the entity's row, so two transactions that change one
 * aggregate conflict, and its events are numbered 1, 2, 3 … without a gap.
 */
@MappedSuperclass
public abstract class Aggregate {

    @Column(name = "event_sequence", nullable = false)
    private long eventSequence;

    @Version
    private long version;

    /** Reserves the sequence number of the next event about this aggregate. */
    public long nextEventSequence() {
        return ++eventSequence;
    }

    /** The stale-version check of an update: the client must have seen the version it changes. */
    public void requireVersion(long expected) {
        if (version != expected) {
            throw new StaleVersionException(this, getClass().getSimpleName() + " " + id() + " is at version " + version
                    + ", the request was based on version " + expected + ".");
        }
    }

    public long getVersion() {
        return version;
    }

    protected abstract Object id();
}
