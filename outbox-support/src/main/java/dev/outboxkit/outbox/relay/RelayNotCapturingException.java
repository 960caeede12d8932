package dev.outboxkit.outbox.relay;

import java.util.concurrent.RejectedExecutionException;

/**
 * An outbox write refused because the relay's replication slot is missing or lost ({@link RelaySlotGate}): nothing
 * was written, and the same request succeeds once the relay captures again. A refusal to take work now, to be tried
 * again later, as the JDK names it; its message is meant for the client.
 */
public class RelayNotCapturingException extends RejectedExecutionException {

    public RelayNotCapturingException(String reason) {
        super("Changes are refused until the event relay captures this service's events, so that none is lost; retry"
                + " in a few seconds. (" + reason + ")");
    }
}
