package dev.outboxkit.outbox.relay;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.core.instrument.Gauge;
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
    private volatile ReplicationSlot latest;
    private volatile SlotVerdict.State lastState;
    private ScheduledExecutorService poller;

    ReplicationSlotMonitor(DataSource dataSource, ReplicationSlotConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.monitorEnabled()) {
            Log.infof("Not watching replication slot %s (outbox.slot.monitor-enabled=false)", config.name());
            return;
        }
        gauge("outbox.replication.slot.retained.wal.bytes", "WAL the relay's slot keeps on the database server",
                m -> m.latest == null || !m.latest.exists() || m.latest.retainedBytes() == null
                        ? Double.NaN : m.latest.retainedBytes());
        gauge("outbox.replication.slot.safe.wal.bytes",
                "WAL that may still be written before max_slot_wal_keep_size invalidates the slot (NaN: no cap)",
                m -> m.latest == null || m.latest.safeWalBytes() == null ? Double.NaN : m.latest.safeWalBytes());
        Gauge.builder("outbox.replication.slot.active", this,
                m -> m.latest == null ? Double.NaN : m.latest.active() ? 1 : 0)
                .description("1 while the relay is connected to its slot; 0 when it is not or the slot does not exist")
                .tag("slot", config.name())
                .strongReference(true)
                .register(metrics);
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
        if (verdict.state() != lastState) {
            if (verdict.ok()) {
                Log.infof("Relay replication %s", verdict.message());
            } else {
                Log.warnf("Relay replication %s", verdict.message());
            }
            lastState = verdict.state();
        }
    }

    private void gauge(String name, String description, ToDoubleFunction<ReplicationSlotMonitor> value) {
        Gauge.builder(name, this, value)
                .description(description)
                .baseUnit(BaseUnits.BYTES)
                .tag("slot", config.name())
                .strongReference(true)
                .register(metrics);
    }
}
