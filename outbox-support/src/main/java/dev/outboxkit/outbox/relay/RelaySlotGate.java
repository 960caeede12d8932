package dev.outboxkit.outbox.relay;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;

/**
 * Keeps events from being written while the relay cannot capture them. The relay reads the outbox from the WAL
 * through its replication slot; a row committed while that slot does not exist (the connector has not created it
 * yet, or it was dropped) or after it was invalidated is never read, and with {@code remove-after-insert} the row
 * itself is gone: the event is lost without a trace. So, while the slot is missing or lost, every outbox write is
 * refused ({@link RelayNotCapturingException}, 503) and the readiness check ({@link RelaySlotReadiness}) is DOWN.
 * <p>
 * A slot that is merely behind (retaining WAL) keeps everything: writes go on, the relay health group warns.
 * <p>
 * The gate opens on the first reading that finds the slot, taken at the first write or readiness probe, and closes
 * again when the {@link ReplicationSlotMonitor}'s periodic reading ({@code outbox.slot.check-interval}) finds it
 * missing or lost: a write path that is open costs one volatile read, never a query.
 */
@ApplicationScoped
public class RelaySlotGate {

    private final ReplicationSlotMonitor monitor;
    private final ReplicationSlotConfig config;
    private volatile boolean open;

    RelaySlotGate(ReplicationSlotMonitor monitor, ReplicationSlotConfig config) {
        this.monitor = monitor;
        this.config = config;
    }

    /** Returns when events may be written now; otherwise throws {@link RelayNotCapturingException}. */
    public void requireOpen() {
        if (open || !enabled()) {
            return;
        }
        SlotVerdict verdict = refresh();
        if (!open) {
            throw new RelayNotCapturingException(verdict.message());
        }
    }

    /** Whether events may be written now, reading the slot if the gate is closed. */
    public boolean isOpen() {
        if (!open && enabled()) {
            refresh();
        }
        return open || !enabled();
    }

    /** The gate follows every reading of the slot that says something about it (an unreadable slot says nothing). */
    void observe(SlotVerdict verdict) {
        if (!enabled() || verdict.state() == SlotVerdict.State.UNKNOWN) {
            return;
        }
        boolean capturing = capturing(verdict);
        if (open && !capturing) {
            Log.errorf("Refusing outbox writes until the relay captures again: %s", verdict.message());
        } else if (!open && capturing) {
            Log.infof("Accepting outbox writes: relay replication %s", verdict.message());
        }
        open = capturing;
    }

    boolean enabled() {
        return config.monitorEnabled() && config.gateWrites();
    }

    // Both beans are application scoped, so the monitor and the gate may know each other (client proxies).
    private SlotVerdict refresh() {
        SlotVerdict verdict = monitor.check();
        observe(verdict);
        return verdict;
    }

    /** The slot exists and can be resumed from: whatever is written now reaches the relay, sooner or later. */
    static boolean capturing(SlotVerdict verdict) {
        return verdict.state() == SlotVerdict.State.OK || verdict.state() == SlotVerdict.State.OVER_THRESHOLD;
    }
}
