package dev.outboxkit.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Runs a batch's blocking handler on a worker thread, as a Uni the connector waits for before it hands
 * over the next batch: one batch at a time, in partition order. Not {@code @Blocking(ordered = true)}:
 * that runs the handler as a task of the Vert.x context's ordered queue, where Vert.x clients (the
 * mailer, for one) queue blocking work of their own, and the two wait for each other until the
 * transaction times out.
 */
public final class Sequential {

    private Sequential() {
    }

    public static Uni<Void> handle(Runnable handler) {
        return Uni.createFrom()
                .item(() -> {
                    handler.run();
                    return (Void) null;
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
