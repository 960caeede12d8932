package dev.outboxkit.customerservice.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.outboxkit.customerservice.idempotency.IdempotencyKeyRetention;
import dev.outboxkit.customerservice.support.Database;
import dev.outboxkit.storage.BatchPruner;
import dev.outboxkit.storage.PruneRun;
import dev.outboxkit.storage.TableSizes;
import dev.outboxkit.testkit.Metrics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pruning job on the real database: expired keys go in batches of the configured size, each its own
 * statement; keys that another transaction holds are skipped, not waited for, and go in a later run; keys inside
 * the window stay. (The scheduler does not run it in tests: %test.idempotency.pruning-interval=off.)
 */
@QuarkusTest
class ExpiredKeyPruningTest {

    private static final int BATCH = 10;
    private static final Duration WINDOW = Duration.ofHours(24);

    @Inject
    IdempotencyKeyRetention retention;

    @Inject
    BatchPruner pruner;

    @Inject
    TableSizes tableSizes;

    @Inject
    DataSource dataSource;

    @Inject
    Database db;

    @Test
    void expiredKeysGoInBatchesAndLockedOnesAreSkippedUntilTheNextRun() throws Exception {
        retention.pruneExpiredKeys(); // what earlier tests left expired
        String scope = "pruning-test " + UUID.randomUUID();
        insertKeys(scope, 25, Duration.ofDays(2));
        insertKeys(scope, 3, Duration.ofHours(1));
        double removedBefore = removedSoFar();

        try (Connection holder = dataSource.getConnection()) {
            // A request holding five of the expired keys, as a replaying retry does, until it commits.
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("""
                    SELECT 1 FROM idempotent_request WHERE scope = ? AND created_at < now() - interval '1 day'
                    ORDER BY created_at LIMIT 5 FOR UPDATE""")) {
                lock.setString(1, scope);
                lock.executeQuery().close();
            }

            // Waiting for the held rows would never end (this thread holds them): the guard turns that into a failure.
            PruneRun run = assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> pruner.prune(IdempotencyKeyRetention.EXPIRED_KEYS, WINDOW, BATCH));
            assertThat(run.rows()).isEqualTo(20);
            assertThat(run.batches()).as("10 + 10, then an empty batch ends the run").isEqualTo(3);
            assertThat(keys(scope)).isEqualTo(5 + 3);
            holder.commit();
        }

        PruneRun next = pruner.prune(IdempotencyKeyRetention.EXPIRED_KEYS, WINDOW, BATCH);
        assertThat(next.rows()).isEqualTo(5);
        assertThat(next.batches()).isEqualTo(1);
        assertThat(keys(scope)).as("the keys inside the window").isEqualTo(3);
        assertThat(removedSoFar() - removedBefore).isEqualTo(25);
        assertThat(Metrics.sample("storage_pruning_seconds_count", "table", "idempotent_request", "action", "deleted")
                .orElse(0)).as("pruning runs timed").isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyTableHasARowAndSizeGauge() throws Exception {
        var sizes = tableSizes.refresh();
        assertThat(sizes).containsKeys("idempotent_request", "customer", "organization");
        assertThat(sizes.get("idempotent_request").bytes()).isPositive();
        assertThat(Metrics.sample("storage_table_size_bytes", "table", "idempotent_request").orElse(0)).isPositive();
        assertThat(Metrics.sample("storage_table_rows", "table", "customer")).isPresent();
    }

    private double removedSoFar() {
        return Metrics.sample("storage_pruned_rows_total", "table", "idempotent_request", "action", "deleted").orElse(0);
    }

    private long keys(String scope) {
        return db.count("SELECT count(*) FROM idempotent_request WHERE scope = ?", scope);
    }

    private void insertKeys(String scope, int count, Duration age) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO idempotent_request (scope, idempotency_key, fingerprint, status, body, created_at)
                VALUES (?, ?, 'f', 201, '{}', now() - make_interval(secs => ?) - make_interval(secs => ?))""")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, scope);
                insert.setString(2, "key-" + age.toSeconds() + "-" + i);
                insert.setDouble(3, age.toSeconds());
                insert.setDouble(4, i); // distinct ages: the oldest go first
                insert.executeUpdate();
            }
        }
    }
}
