package dev.outboxkit.outbox.relay;

import dev.outboxkit.problem.DomainProblem;

/**
 * An outbox write refused because the relay's replication slot is missing or lost ({@link RelaySlotGate}): nothing
 * was written, and the same request succeeds once the relay captures again.
 */
public class RelayNotCapturingException extends DomainProblem {

    public RelayNotCapturingException(String reason) {
        super("Not accepting changes yet", "Changes are refused until the event relay captures this service's events, so"
                + " that none is lost; retry in a few seconds. (" + reason + ")");
    }

    @Override
    public int status() {
        return 503;
    }
}
