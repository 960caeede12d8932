package dev.outboxkit.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ConnectException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class InPlaceRetryTest {

    private final InPlaceRetry retry = new InPlaceRetry(Duration.ofMillis(1), Duration.ofMillis(4));
    private final List<Integer> retriedAttempts = new ArrayList<>();
    private final InPlaceRetry.Listener listener = (failure, attempt, wait) -> retriedAttempts.add(attempt);

    @Test
    void aDatabaseOutageIsWaitedOutHoweverLongItLasts() {
        AtomicInteger calls = new AtomicInteger();
        // Past the budget for unexpected failures: a connection failure is never given up on.
        int failures = InPlaceRetry.UNEXPECTED_FAILURE_ATTEMPTS + 2;
        boolean applied = retry.run(() -> {
            if (calls.incrementAndGet() <= failures) {
                throw new IllegalStateException("JDBC exception", new SQLException("I/O error", "08006"));
            }
            return true;
        }, listener);
        assertThat(applied).isTrue();
        assertThat(calls).hasValue(failures + 1);
        assertThat(retriedAttempts).containsExactly(1, 2, 3, 4, 5, 6, 7);
    }

    @Test
    void aPoisonMessageIsNeverRetried() {
        assertThatThrownBy(() -> retry.run(() -> {
            throw new PoisonMessageException("not JSON");
        }, listener)).isInstanceOf(PoisonMessageException.class);
        assertThat(retriedAttempts).isEmpty();
    }

    @Test
    void anUnexpectedFailureIsRetriedAFewTimesThenHandedOn() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.run(() -> {
            calls.incrementAndGet();
            throw new IllegalStateException("bug");
        }, listener)).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(InPlaceRetry.UNEXPECTED_FAILURE_ATTEMPTS);
    }

    @Test
    void transientFailuresAreRecognisedThroughTheirCauses() {
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("starting up", "57P03")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new ConnectException("refused")))).isTrue();
        assertThat(TransientFailures.isTransient(new RuntimeException(new SQLException("unique violation", "23505")))).isFalse();
        assertThat(TransientFailures.isTransient(new IllegalStateException("bug"))).isFalse();
    }

    @Test
    void waitsDoubleAndAreCapped() {
        assertThat(InPlaceRetry.DEFAULT.waitAfter(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(InPlaceRetry.DEFAULT.waitAfter(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(InPlaceRetry.DEFAULT.waitAfter(100)).isEqualTo(Duration.ofSeconds(5));
    }
}
