package dev.outboxkit.outbox.relay;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/**
 * The relay's replication slot this service watches, and when its retained WAL is worth a warning. Defaults
 * and environment variables: outbox-support's META-INF/microprofile-config.properties.
 */
@ConfigMapping(prefix = "outbox.slot")
public interface ReplicationSlotConfig {

    /** The Debezium connector's {@code slot.name} (env OUTBOX_SLOT_NAME); each service sets its own. */
    String name();

    /** Retained WAL from which the relay health group reports DOWN and a warning is logged (env OUTBOX_SLOT_WARN_BYTES). */
    MemorySize warnBytes();

    /** How often the slot is read for the gauges and the warning log (env OUTBOX_SLOT_CHECK_INTERVAL). */
    Duration checkInterval();

    /** Off where the service cannot see the relay's database server (env OUTBOX_SLOT_MONITOR_ENABLED). */
    boolean monitorEnabled();

    /**
     * Refuse outbox writes, and report not ready, while the slot is missing or lost ({@link RelaySlotGate}; env
     * OUTBOX_SLOT_GATE_WRITES). Only where the service sees the slot, i.e. with {@link #monitorEnabled()}.
     */
    boolean gateWrites();
}
