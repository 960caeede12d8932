package dev.outboxkit.customerservice.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.outboxkit.outbox.relay.ReplicationSlot;
import dev.outboxkit.outbox.relay.ReplicationSlotMonitor;
import dev.outboxkit.outbox.relay.SlotVerdict;
import dev.outboxkit.outbox.relay.SlotVerdict.State;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The guardrail against the real PostgreSQL of the stack, with a slot of the test's own that nobody
 * reads, so it retains every byte of WAL written after it: the relay's slot is left alone.
 */
@QuarkusTest
class ReplicationSlotGuardTest {

    private static final long MIB = 1024 * 1024;

    @Inject
    ReplicationSlotMonitor monitor;

    @Inject
    DataSource dataSource;

    private final String slot = "guardrail_test_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void createSlot() throws SQLException {
        sql("SELECT pg_create_logical_replication_slot(?, 'pgoutput')", slot);
    }

    @AfterEach
    void dropSlot() throws SQLException {
        sql("SELECT pg_drop_replication_slot(?)", slot);
    }

    @Test
    void aMissingSlotIsReportedWithWhereToReadOn() {
        SlotVerdict verdict = monitor.check("no_such_slot_" + UUID.randomUUID().toString().substring(0, 8), 256 * MIB);

        assertThat(verdict.state()).isEqualTo(State.MISSING);
        assertThat(verdict.message()).contains("does not exist: the relay is not capturing")
                .contains("docs/operations.md#slot-lost");
    }

    @Test
    void aSlotNobodyReadsRetainsTheWalWrittenSinceAndTripsTheThreshold() throws SQLException {
        // 1 MiB of WAL that only this slot still needs; transactional, so that its commit writes it out
        // (the slot is measured to pg_current_wal_lsn, the WAL's write position).
        sql("SELECT pg_logical_emit_message(true, 'guardrail-test', repeat('x', 1048576))", null);

        ReplicationSlot read = monitor.read(slot);
        assertThat(read.exists()).isTrue();
        assertThat(read.active()).isFalse();
        assertThat(read.lost()).isFalse();
        assertThat(read.retainedBytes()).isGreaterThanOrEqualTo(256 * 1024);

        SlotVerdict over = monitor.check(slot, 256 * 1024);
        assertThat(over.state()).isEqualTo(State.OVER_THRESHOLD);
        assertThat(over.message()).contains("slot " + slot + " retains").contains("no relay connected")
                .contains("docs/operations.md#retained-wal-growing");

        assertThat(monitor.check(slot, 1024 * MIB).state()).isEqualTo(State.OK);
    }

    private void sql(String query, String parameter) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(query)) {
            if (parameter != null) {
                q.setString(1, parameter);
            }
            q.executeQuery().close();
        }
    }
}
