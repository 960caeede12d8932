package dev.outboxkit.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.BaseUnits;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * The size of every table in the service's schema, as gauges: {@code storage_table_rows{table}} (live rows as
 * PostgreSQL's statistics count them, {@code pg_stat_user_tables.n_live_tup}: an estimate, kept current as
 * transactions commit) and {@code storage_table_size_bytes{table}} (heap, indexes and TOAST:
 * {@code pg_total_relation_size}). Read on a schedule and cached, so a scrape never queries the database and no
 * {@code count(*)} ever runs. With two instances both report the same table: aggregate with max, not sum.
 */
@ApplicationScoped
public class TableSizes {

    public static final String ROWS_METRIC = "storage.table.rows";
    public static final String SIZE_METRIC = "storage.table.size";

    private final DataSource dataSource;
    private final MeterRegistry metrics;
    private final Map<String, Reading> tables = new ConcurrentHashMap<>();

    TableSizes(DataSource dataSource, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.metrics = metrics;
    }

    /** The latest reading of one table. */
    public record Size(long rows, long bytes) {
    }

    @Scheduled(identity = "storage-table-sizes", every = "${storage.table-sizes.refresh-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh() {
        try {
            refresh();
        } catch (SQLException | RuntimeException e) {
            // The gauges keep their last reading; the next run tries again.
            Log.warnf("Could not read the table sizes: %s", e.getMessage());
        }
    }

    /** Reads every table's size now and updates the gauges; @return the readings by table name */
    public Map<String, Size> refresh() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        SELECT relname, n_live_tup, pg_total_relation_size(relid)
                        FROM pg_stat_user_tables WHERE schemaname = current_schema()""");
                ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                tables.computeIfAbsent(rs.getString(1), this::register).set(rs.getLong(2), rs.getLong(3));
            }
        }
        return tables.entrySet().stream().collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().size()));
    }

    private Reading register(String table) {
        Reading reading = new Reading();
        Gauge.builder(ROWS_METRIC, reading, r -> r.rows).description("Live rows of the table (PostgreSQL's estimate)")
                .tag("table", table).strongReference(true).register(metrics);
        Gauge.builder(SIZE_METRIC, reading, r -> r.bytes).description("The table with its indexes and TOAST")
                .baseUnit(BaseUnits.BYTES).tag("table", table).strongReference(true).register(metrics);
        return reading;
    }

    private static final class Reading {
        private volatile double rows;
        private volatile double bytes;

        void set(long rows, long bytes) {
            this.rows = rows;
            this.bytes = bytes;
        }

        Size size() {
            return new Size((long) rows, (long) bytes);
        }
    }
}
