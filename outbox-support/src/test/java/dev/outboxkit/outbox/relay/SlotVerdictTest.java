package dev.outboxkit.outbox.relay;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** A plain JUnit test: the verdict is a pure function of the slot's report and the threshold. */
class SlotVerdictTest {

    private static final long WARN = 256L * 1024 * 1024;

    private static ReplicationSlot slot(boolean active, String walStatus, Long retained) {
        return new ReplicationSlot("customer_outbox", true, active, walStatus, retained, null);
    }

    @Test
    void aMissingSlotIsMissingAndPointsToTheRecovery() {
        SlotVerdict verdict = SlotVerdict.of(ReplicationSlot.missing("customer_outbox"), WARN);
        assertThat(verdict.state()).isEqualTo(SlotVerdict.State.MISSING);
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.message()).contains("customer_outbox").contains("does not exist").contains(SlotVerdict.SLOT_LOST);
    }

    @Test
    void anInvalidatedSlotIsLostWhateverItRetains() {
        SlotVerdict verdict = SlotVerdict.of(slot(false, "lost", 0L), WARN);
        assertThat(verdict.state()).isEqualTo(SlotVerdict.State.LOST);
        assertThat(verdict.message()).contains("invalidated").contains(SlotVerdict.SLOT_LOST);
        // Other wal_status values PostgreSQL reports are not a loss.
        assertThat(SlotVerdict.of(slot(true, "unreserved", 0L), WARN).state()).isEqualTo(SlotVerdict.State.OK);
        assertThat(SlotVerdict.of(slot(true, "extended", 0L), WARN).state()).isEqualTo(SlotVerdict.State.OK);
    }

    @Test
    void theThresholdItselfIsOverTheThresholdOneByteLessIsNot() {
        assertThat(SlotVerdict.of(slot(true, "reserved", WARN - 1), WARN).state()).isEqualTo(SlotVerdict.State.OK);
        SlotVerdict at = SlotVerdict.of(slot(true, "reserved", WARN), WARN);
        assertThat(at.state()).isEqualTo(SlotVerdict.State.OVER_THRESHOLD);
        assertThat(at.ok()).isFalse();
        assertThat(at.message()).contains("retains 256.0 MiB of WAL (threshold 256.0 MiB, relay connected)")
                .contains(SlotVerdict.WAL_GROWING);
    }

    @Test
    void theMessageSaysWhetherARelayIsConnected() {
        SlotVerdict idle = SlotVerdict.of(slot(false, "reserved", 2048L), WARN);
        assertThat(idle.ok()).isTrue();
        assertThat(idle.message()).isEqualTo("slot customer_outbox retains 2.0 KiB of WAL (threshold 256.0 MiB, no relay connected)");
        assertThat(idle.slot()).isEqualTo(slot(false, "reserved", 2048L));
    }

    @Test
    void aSlotThatReportsNoRetainedWalCountsAsRetainingNone() {
        assertThat(SlotVerdict.of(slot(true, "reserved", null), WARN).state()).isEqualTo(SlotVerdict.State.OK);
        assertThat(SlotVerdict.of(slot(true, "reserved", null), 0).state()).isEqualTo(SlotVerdict.State.OVER_THRESHOLD);
    }

    @Test
    void anUnreadableSlotIsUnknownAndNamesTheCause() {
        SlotVerdict verdict = SlotVerdict.unreadable("orders_outbox", new SQLException("connection refused"));
        assertThat(verdict.state()).isEqualTo(SlotVerdict.State.UNKNOWN);
        assertThat(verdict.ok()).isFalse();
        assertThat(verdict.slot()).isNull();
        assertThat(verdict.message()).isEqualTo("slot orders_outbox cannot be read from pg_replication_slots: connection refused");
    }

    @Test
    void sizesAreBinaryWithOneDecimalAndStopAtTebibytes() {
        assertThat(SlotVerdict.size(0)).isEqualTo("0 B");
        assertThat(SlotVerdict.size(1023)).isEqualTo("1023 B");
        assertThat(SlotVerdict.size(1024)).isEqualTo("1.0 KiB");
        assertThat(SlotVerdict.size(1536)).isEqualTo("1.5 KiB");
        assertThat(SlotVerdict.size(1024L * 1024 - 1)).isEqualTo("1024.0 KiB");
        assertThat(SlotVerdict.size(1024L * 1024)).isEqualTo("1.0 MiB");
        assertThat(SlotVerdict.size(5L * 1024 * 1024 * 1024)).isEqualTo("5.0 GiB");
        assertThat(SlotVerdict.size(1024L * 1024 * 1024 * 1024 * 1024)).isEqualTo("1024.0 TiB");
    }
}
