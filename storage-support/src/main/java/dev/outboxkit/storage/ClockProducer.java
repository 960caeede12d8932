package dev.outboxkit.storage;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one clock of every service. */
public class ClockProducer {

    /**
     * Ticks in microseconds, what PostgreSQL stores, so that an instant written to a row and read back is the one the
     * service held (an event and its row agree; a timestamp compared after a round trip compares equal).
     */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
