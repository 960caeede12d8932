package dev.outboxkit.messaging;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Runs a handler again, on the same thread and before the next records of the partition, until it succeeds:
 * forever while the failure is transient ({@link TransientFailures}), a few times for an unexpected one, never for a
 * {@link PoisonMessageException}. What it gives up on is thrown to the caller (which dead-letters the record).
 * Waiting in place keeps each aggregate's events in order, and the consumer lag shows an outage while it lasts.
 */
public final class InPlaceRetry {

    static final int UNEXPECTED_FAILURE_ATTEMPTS = 5;
    /** For one record: an unexpected failure gets a few attempts before the record is given up. */
    public static final InPlaceRetry DEFAULT = new InPlaceRetry(Duration.ofMillis(200), Duration.ofSeconds(5));
    /**
     * For a batch: only a transient failure is waited out. Any other may be one record's fault, so it is handed
     * back at once, for the records to be tried one at a time.
     */
    public static final InPlaceRetry TRANSIENT_ONLY = new InPlaceRetry(Duration.ofMillis(200), Duration.ofSeconds(5), 1);

    /** Told of each failure that will be retried, with the number of the attempt that failed. */
    public interface Listener {
        void retrying(Throwable failure, int attempt, Duration wait);
    }

    private final Duration firstWait;
    private final Duration longestWait;
    private final int unexpectedFailureAttempts;

    InPlaceRetry(Duration firstWait, Duration longestWait) {
        this(firstWait, longestWait, UNEXPECTED_FAILURE_ATTEMPTS);
    }

    InPlaceRetry(Duration firstWait, Duration longestWait, int unexpectedFailureAttempts) {
        this.firstWait = firstWait;
        this.longestWait = longestWait;
        this.unexpectedFailureAttempts = unexpectedFailureAttempts;
    }

    public <T> T run(Supplier<T> handler, Listener listener) {
        for (int attempt = 1;; attempt++) {
            try {
                return handler.get();
            } catch (RuntimeException failure) {
                if (!retryable(failure, attempt, unexpectedFailureAttempts)) {
                    throw failure;
                }
                Duration wait = waitAfter(attempt);
                listener.retrying(failure, attempt, wait);
                sleep(wait, failure);
            }
        }
    }

    static boolean retryable(Throwable failure, int attemptsMade, int unexpectedFailureAttempts) {
        if (failure instanceof PoisonMessageException) {
            return false;
        }
        return TransientFailures.isTransient(failure) || attemptsMade < unexpectedFailureAttempts;
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
