package dev.outboxkit.notificationservice.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

/** Exponential backoff with jitter, and the attempt budget. */
@ApplicationScoped
public class RetryPolicy {

    private final DeliveryConfig config;

    RetryPolicy(DeliveryConfig config) {
        this.config = config;
    }

    /** @param attemptsMade attempts made so far, the failed one included */
    public boolean exhausted(int attemptsMade) {
        return attemptsMade >= config.maxAttempts();
    }

    /** The wait after the {@code attemptsMade}-th failure: initial × 2^(n−1), capped, ± jitter. */
    public Duration backoff(int attemptsMade) {
        long initial = config.initialBackoff().toMillis();
        long cap = config.maxBackoff().toMillis();
        long exponential = attemptsMade >= 63 ? cap : Math.min(cap, initial << Math.min(attemptsMade - 1, 30));
        double spread = 1 + config.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(exponential * spread)));
    }
}
