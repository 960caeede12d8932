package dev.outboxkit.outbox.relay;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Watches the relay's replication slot in this service's database server. A slot pins every WAL segment
 * the relay has not confirmed, so a stopped relay shows here first: as the retained-WAL gauge growing,
 * a warning in the log when it passes the threshold (and when the slot is missing or invalidated), and
 * as DOWN in the health group {@code relay} ({@link RelayHealthCheck}). Never in readiness: writes still
 * commit and the outbox keeps their events while the relay is behind; taking the service out of the load
 * balancer would only add an outage to the delay.
 * <p>
 * A background thread reads the slot every {@code outbox.slot.check-interval}; the gauges show its last
 * reading, so a metrics scrape never queries the database.
 */
@ApplicationScoped
public class ReplicationSlotMonitor {

    private final DataSource dataSource;
    private final ReplicationSlotConfig config;
    private final MeterRegistry metrics;
    private final RelaySlotGate gate;
    private volatile ReplicationSlot latest;
    private volatile SlotVerdict.State lastState;
    private ScheduledExecutorService poller;
    private PresentGauge retained;
    private PresentGauge safe;
    private PresentGauge active;

    ReplicationSlotMonitor(DataSource dataSource, ReplicationSlotConfig config, MeterRegistry metrics,
            RelaySlotGate gate) {
        this.dataSource = dataSource;
        this.config = config;
        this.metrics = metrics;
        this.gate = gate;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.monitorEnabled()) {
            Log.infof("Not watching replication slot %s (outbox.slot.monitor-enabled=false)", config.name());
            return;
        }
        retained = new PresentGauge(metrics, "outbox.replication.slot.retained.wal.bytes",
                "WAL the relay's slot keeps on the database server (absent while there is no slot)",
                BaseUnits.BYTES, config.name());
        safe = new PresentGauge(metrics, "outbox.replication.slot.safe.wal.bytes",
                "WAL that may still be written before max_slot_wal_keep_size invalidates the slot (absent: no cap)",
                BaseUnits.BYTES, config.name());
        active = new PresentGauge(metrics, "outbox.replication.slot.active",
                "1 while the relay is connected to its slot; 0 when it is not or the slot does not exist",
                null, config.name());
        poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("outbox-slot-monitor").daemon(true).factory());
        poller.scheduleWithFixedDelay(this::poll, 0, config.checkInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (poller != null) {
            poller.shutdownNow();
        }
    }

    /** The slot this service watches, read now. */
    public SlotVerdict check() {
        return check(config.name(), config.warnBytes().asLongValue());
    }

    /** Any slot against any threshold, read now; the health check and the tests use it. */
    public SlotVerdict check(String slotName, long warnBytes) {
        try {
            return SlotVerdict.of(read(slotName), warnBytes);
        } catch (SQLException | RuntimeException e) {
            return SlotVerdict.unreadable(slotName, e);
        }
    }

    public ReplicationSlot read(String slotName) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return ReplicationSlot.read(connection, slotName);
        }
    }

    private void poll() {
        SlotVerdict verdict;
        try {
            latest = read(config.name());
            verdict = SlotVerdict.of(latest, config.warnBytes().asLongValue());
        } catch (SQLException | RuntimeException e) {
            latest = null;
            verdict = SlotVerdict.unreadable(config.name(), e);
        }
        show(latest);
        gate.observe(verdict);
        if (verdict.state() != lastState) {
            if (verdict.ok()) {
                Log.infof("Relay replication %s", verdict.message());
            } else {
                Log.warnf("Relay replication %s", verdict.message());
            }
            lastState = verdict.state();
        }
    }

    /** The gauges show the last reading; a value the reading does not have is absent, not NaN. */
    private void show(ReplicationSlot slot) {
        boolean exists = slot != null && slot.exists();
        retained.set(exists ? slot.retainedBytes() : null);
        safe.set(exists ? slot.safeWalBytes() : null);
        active.set(slot == null ? null : slot.active() ? 1 : 0);
    }
}
