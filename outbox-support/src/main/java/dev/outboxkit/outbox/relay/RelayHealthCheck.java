package dev.outboxkit.outbox.relay;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;

/**
 * {@code /q/health/group/relay}: DOWN when the relay's slot is missing, invalidated, unreadable or
 * retains at least {@code outbox.slot.warn-bytes} of WAL. Deliberately not a readiness check (see
 * {@link ReplicationSlotMonitor}): alert on it, do not route on it.
 */
@HealthGroup("relay")
@ApplicationScoped
public class RelayHealthCheck implements HealthCheck {

    static final String NAME = "outbox relay replication slot";

    private final ReplicationSlotMonitor monitor;
    private final ReplicationSlotConfig config;

    RelayHealthCheck(ReplicationSlotMonitor monitor, ReplicationSlotConfig config) {
        this.monitor = monitor;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        if (!config.monitorEnabled()) {
            return HealthCheckResponse.named(NAME).up().withData("slot", config.name())
                    .withData("message", "not watched (outbox.slot.monitor-enabled=false)").build();
        }
        SlotVerdict verdict = monitor.check();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(verdict.ok())
                .withData("slot", config.name())
                .withData("state", verdict.state().name())
                .withData("message", verdict.message())
                .withData("warnBytes", config.warnBytes().asLongValue());
        ReplicationSlot slot = verdict.slot();
        if (slot != null && slot.exists()) {
            response.withData("active", slot.active());
            if (slot.retainedBytes() != null) {
                response.withData("retainedBytes", slot.retainedBytes());
            }
            if (slot.walStatus() != null) {
                response.withData("walStatus", slot.walStatus());
            }
        }
        return response.build();
    }
}
