package dev.outboxkit.messaging;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Runs a record's handler again, on the same thread and before the next record of the partition, until
 * it succeeds: forever while the failure is transient ({@link TransientFailures}), a few times for an
 * unexpected one, never for a {@link PoisonMessageException}. What it gives up on goes to the channel's
 * failure strategy (the dead-letter topic). Waiting in place keeps each aggregate's events in order, and
 * the consumer lag shows an outage while it lasts.
 */
final class InPlaceRetry {

    static final InPlaceRetry DEFAULT = new InPlaceRetry(Duration.ofMillis(200), Duration.ofSeconds(5));
    static final int UNEXPECTED_FAILURE_ATTEMPTS = 5;

    /** Told of each failure that will be retried, with the number of the attempt that failed. */
    interface Listener {
        void retrying(Throwable failure, int attempt, Duration wait);
    }

    private final Duration firstWait;
    private final Duration longestWait;

    InPlaceRetry(Duration firstWait, Duration longestWait) {
        this.firstWait = firstWait;
        this.longestWait = longestWait;
    }

    boolean run(BooleanSupplier handler, Listener listener) {
        for (int attempt = 1;; attempt++) {
            try {
                return handler.getAsBoolean();
            } catch (RuntimeException failure) {
                if (!retryable(failure, attempt)) {
                    throw failure;
                }
                Duration wait = waitAfter(attempt);
                listener.retrying(failure, attempt, wait);
                sleep(wait, failure);
            }
        }
    }

    static boolean retryable(Throwable failure, int attemptsMade) {
        if (failure instanceof PoisonMessageException) {
            return false;
        }
        return TransientFailures.isTransient(failure) || attemptsMade < UNEXPECTED_FAILURE_ATTEMPTS;
    }

    /** Doubles from the first wait, capped at the longest. */
    Duration waitAfter(int attemptsMade) {
        long millis = firstWait.toMillis() << Math.min(attemptsMade - 1, 20);
        return Duration.ofMillis(Math.min(millis, longestWait.toMillis()));
    }

    private static void sleep(Duration wait, RuntimeException failure) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            // Shutting down: the record stays unacknowledged and is delivered again after the restart.
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
