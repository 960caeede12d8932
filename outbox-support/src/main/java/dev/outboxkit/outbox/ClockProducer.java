package dev.outboxkit.outbox;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

public class ClockProducer {

    /** Ticks in microseconds, what PostgreSQL stores, so an event and its row agree on the instant. */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
