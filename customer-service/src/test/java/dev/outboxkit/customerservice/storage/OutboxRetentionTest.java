package dev.outboxkit.customerservice.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.outboxkit.outbox.OutboxRetention;
import dev.outboxkit.testkit.Metrics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Outbox rows kept with {@code OUTBOX_REMOVE_AFTER_INSERT=false} are bounded: the job deletes those older than
 * {@code OUTBOX_RETENTION} (7 days by default) and keeps the younger ones. The scheduler does not run it in tests
 * ({@code %test.outbox.pruning-interval=off}).
 */
@QuarkusTest
class OutboxRetentionTest {

    private static final Duration WINDOW = Duration.ofDays(7);

    @Inject
    OutboxRetention retention;

    @Inject
    DataSource dataSource;

    /**
     * The job's statement on the real outbox table. The rows are never committed: a committed outbox row is an event
     * that the stack's relay would publish to the other modules' tests.
     */
    @Test
    void theStatementDeletesRowsOlderThanTheWindowAndKeepsYoungerOnes() throws Exception {
        String aggregate = "retention-test " + UUID.randomUUID();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                insertEvents(c, aggregate, 4, Duration.ofDays(8));
                insertEvents(c, aggregate, 2, Duration.ofDays(6));

                int deleted;
                try (PreparedStatement batch = c.prepareStatement(OutboxRetention.OLD_EVENTS.sql())) {
                    batch.setDouble(1, WINDOW.toSeconds());
                    batch.setInt(2, 3);
                    deleted = batch.executeUpdate() + batch.executeUpdate();
                }

                assertThat(deleted).as("a batch of 3, then the last old one").isEqualTo(4);
                assertThat(count(c, aggregate)).as("the rows younger than the window").isEqualTo(2);
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void theJobRunsWithTheConfiguredRetentionAndIsTimed() {
        double runsBefore = runs();
        retention.pruneOldEvents();
        assertThat(runs() - runsBefore).isEqualTo(1);
    }

    private static double runs() {
        return Metrics.sample("storage_pruning_seconds_count", "table", "outboxevent", "action", "deleted").orElse(0);
    }

    private static long count(Connection c, String aggregate) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT count(*) FROM outboxevent WHERE aggregateid = ?")) {
            query.setString(1, aggregate);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void insertEvents(Connection c, String aggregate, int count, Duration age) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("""
                INSERT INTO outboxevent (id, eventid, aggregatetype, aggregateid, type, timestamp, payload)
                VALUES (?, ?, 'customer', ?, 'RetentionTest', now() - make_interval(secs => ?), '{}')""")) {
            for (int i = 0; i < count; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, UUID.randomUUID());
                insert.setString(3, aggregate);
                insert.setDouble(4, age.toSeconds() + i);
                insert.executeUpdate();
            }
        }
    }
}
