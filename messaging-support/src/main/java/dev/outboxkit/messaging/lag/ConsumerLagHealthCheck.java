package dev.outboxkit.messaging.lag;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;

/**
 * {@code /q/health/group/consumers}: DOWN when a watched consumer group's lag is unreadable or at least
 * {@code messaging.lag.warn-records}. Deliberately not a readiness check (see {@link ConsumerLagMonitor}):
 * alert on it, do not route on it.
 */
@HealthGroup("consumers")
@ApplicationScoped
public class ConsumerLagHealthCheck implements HealthCheck {

    static final String NAME = "consumer group lag";

    private final ConsumerLagMonitor monitor;
    private final ConsumerLagConfig config;

    ConsumerLagHealthCheck(ConsumerLagMonitor monitor, ConsumerLagConfig config) {
        this.monitor = monitor;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up().withData("warnRecords", config.warnRecords());
        if (!config.monitorEnabled()) {
            return response.withData("message", "not watched (messaging.lag.monitor-enabled=false)").build();
        }
        for (String group : monitor.groups()) {
            GroupLag lag = monitor.read(group);
            response.withData(group, lag.readable() ? lag.records() : -1);
            if (!lag.ok(config.warnRecords())) {
                response.down().withData(group + " warning", lag.describe(config.warnRecords()));
            }
        }
        return response.build();
    }
}
