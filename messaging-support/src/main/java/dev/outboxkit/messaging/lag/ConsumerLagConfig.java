package dev.outboxkit.messaging.lag;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The consumer groups a service watches, and when their lag is worth a warning. Defaults and environment
 * variables: messaging-support's META-INF/microprofile-config.properties.
 */
@ConfigMapping(prefix = "messaging.lag")
public interface ConsumerLagConfig {

    /** The consumer groups of this service's incoming channels (each service sets its own). */
    Optional<List<String>> groups();

    /** Lag, in records, from which the consumers health group reports DOWN and a warning is logged (env CONSUMER_LAG_WARN_RECORDS). */
    long warnRecords();

    /** How often the lag is read for the gauges and the warning log (env CONSUMER_LAG_CHECK_INTERVAL). */
    Duration checkInterval();

    /** Off to watch nothing (env CONSUMER_LAG_MONITOR_ENABLED). */
    boolean monitorEnabled();
}
