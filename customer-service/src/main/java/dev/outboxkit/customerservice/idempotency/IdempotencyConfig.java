package dev.outboxkit.customerservice.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Environment variables: IDEMPOTENCY_KEY_RETENTION, IDEMPOTENCY_PRUNING_INTERVAL (application.properties). */
@ConfigMapping(prefix = "idempotency")
public interface IdempotencyConfig {

    /**
     * How long a key replays its first response. An older key is expired: a request that carries it runs as a new
     * request, whether or not the pruning job has removed the key yet (docs/operations.md "Bounded storage").
     */
    @WithDefault("24h")
    Duration keyRetention();

    /** How often expired keys are removed: a duration ({@code 5m}), or {@code off} (the scheduler's word for never). */
    @WithDefault("5m")
    String pruningInterval();
}
