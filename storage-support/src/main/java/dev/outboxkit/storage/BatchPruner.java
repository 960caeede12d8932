package dev.outboxkit.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;

/**
 * Removes what a retention window says is old, one small batch at a time. Each batch is one statement in its own
 * transaction (autocommit), so a run holds row locks only on the rows of the batch in hand, for milliseconds, and
 * never a table lock beyond the ROW EXCLUSIVE that every insert takes too. The statements skip locked rows
 * ({@link Pruning}): a request or consumer that holds a row is never waited for, and two instances pruning at
 * once take disjoint batches, so the rows-removed counters of all instances add up to what was removed.
 * <p>
 * Metrics per table and action: {@code storage_pruned_rows_total} and {@code storage_pruning_seconds} (one sample
 * per run, also when it found nothing).
 */
@ApplicationScoped
public class BatchPruner {

    public static final String ROWS_METRIC = "storage.pruned.rows";
    public static final String DURATION_METRIC = "storage.pruning";

    private final DataSource dataSource;
    private final StorageConfig config;
    private final MeterRegistry metrics;

    BatchPruner(DataSource dataSource, StorageConfig config, MeterRegistry metrics) {
        this.dataSource = dataSource;
        this.config = config;
        this.metrics = metrics;
    }

    /** One run with the configured batch size: rows older than {@code retention}, until none is left or the batch cap is reached. */
    public PruneRun prune(Pruning pruning, Duration retention) {
        return prune(pruning, retention, config.pruning().batchSize());
    }

    public PruneRun prune(Pruning pruning, Duration retention, int batchSize) {
        long started = System.nanoTime();
        long rows = 0;
        int batches = 0;
        try (Connection connection = dataSource.getConnection()) {
            // Refused inside a caller's transaction: the batches would become one long transaction.
            connection.setAutoCommit(true);
            try (PreparedStatement batch = connection.prepareStatement(pruning.sql())) {
                batch.setDouble(1, retention.toMillis() / 1000.0);
                batch.setInt(2, batchSize);
                int removed;
                do {
                    removed = batch.executeUpdate();
                    rows += removed;
                    batches++;
                    // A short batch means nothing more is old, or the rest is locked: the next run takes it.
                } while (removed == batchSize && batches < config.pruning().maxBatches());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Pruning " + pruning.table() + " failed after " + rows + " rows: " + e.getMessage(), e);
        } finally {
            long nanos = System.nanoTime() - started;
            metrics.counter(ROWS_METRIC, "table", pruning.table(), "action", pruning.action()).increment(rows);
            metrics.timer(DURATION_METRIC, "table", pruning.table(), "action", pruning.action()).record(nanos, TimeUnit.NANOSECONDS);
            if (rows > 0) {
                Log.infof("%s: %s %d rows older than %s in %d batches, %d ms", pruning.table(), pruning.action(), rows,
                        retention, batches, TimeUnit.NANOSECONDS.toMillis(nanos));
            }
        }
        return new PruneRun(rows, batches);
    }
}
