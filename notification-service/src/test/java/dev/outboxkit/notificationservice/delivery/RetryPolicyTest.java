package dev.outboxkit.notificationservice.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** Plain JUnit: the attempt budget and the backoff, from a configuration of its own. */
class RetryPolicyTest {

    @Test
    void theBudgetCountsTheFirstAttempt() {
        RetryPolicy policy = new RetryPolicy(config(3, 0));
        assertThat(policy.exhausted(2)).isFalse();
        assertThat(policy.exhausted(3)).isTrue();
        assertThat(policy.exhausted(4)).isTrue();
    }

    @Test
    void withoutJitterEachWaitDoublesUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(config(8, 0));
        assertThat(IntStream.rangeClosed(1, 6).mapToObj(policy::backoff)).containsExactly(Duration.ofSeconds(2),
                Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16), Duration.ofSeconds(20),
                Duration.ofSeconds(20));
        assertThat(policy.backoff(64)).as("no overflow far past the cap").isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.backoff(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void jitterSpreadsEachWaitWithinItsFraction() {
        RetryPolicy policy = new RetryPolicy(config(8, 0.2));
        for (int i = 0; i < 200; i++) {
            assertThat(policy.backoff(2).toMillis()).isBetween(3_200L, 4_800L);
        }
        assertThat(IntStream.range(0, 200).mapToObj(i -> policy.backoff(2)).distinct().count())
                .as("not one fixed wait").isGreaterThan(1);
    }

    private static DeliveryConfig config(int maxAttempts, double jitter) {
        return new DeliveryConfig() {
            @Override
            public int maxAttempts() {
                return maxAttempts;
            }

            @Override
            public Duration initialBackoff() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration maxBackoff() {
                return Duration.ofSeconds(20);
            }

            @Override
            public double jitter() {
                return jitter;
            }

            @Override
            public Duration pollInterval() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration lease() {
                return Duration.ofMinutes(2);
            }

            @Override
            public int batchSize() {
                return 20;
            }

            @Override
            public int senders() {
                return 16;
            }
        };
    }
}
