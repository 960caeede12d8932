package dev.outboxkit.outbox.relay;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness is DOWN while {@link RelaySlotGate} refuses writes (the relay's slot is missing or lost), so that no
 * load balancer, rollout or Compose start-up sends changes to a service that would have to refuse them. A relay
 * that is only behind is not a reason: see {@link RelayHealthCheck} for that.
 */
@Readiness
@ApplicationScoped
public class RelaySlotReadiness implements HealthCheck {

    static final String NAME = "outbox relay capturing";

    private final RelaySlotGate gate;
    private final ReplicationSlotConfig config;

    RelaySlotReadiness(RelaySlotGate gate, ReplicationSlotConfig config) {
        this.gate = gate;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        if (!gate.enabled()) {
            return HealthCheckResponse.named(NAME).up().withData("slot", config.name())
                    .withData("message", "writes not gated (outbox.slot.gate-writes or monitor-enabled is false)").build();
        }
        boolean open = gate.isOpen();
        return HealthCheckResponse.named(NAME).status(open).withData("slot", config.name())
                .withData("message", open ? "the relay's slot exists: writes are accepted"
                        : "the relay's slot is missing or lost: writes are refused until it captures again")
                .build();
    }
}
