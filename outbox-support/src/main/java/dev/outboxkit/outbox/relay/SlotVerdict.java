package dev.outboxkit.outbox.relay;

/**
 * Whether the relay's slot is healthy, and what to tell an operator when it is not. A pure function of
 * what the slot reports and the threshold, so it reads the threshold anew on every check.
 */
public record SlotVerdict(State state, String message, ReplicationSlot slot) {

    public enum State {
        OK, OVER_THRESHOLD, MISSING, LOST, UNKNOWN
    }

    static final String SLOT_LOST = "docs/operations.md#slot-lost";
    static final String WAL_GROWING = "docs/operations.md#retained-wal-growing";

    public static SlotVerdict of(ReplicationSlot slot, long warnBytes) {
        String name = slot.name();
        if (!slot.exists()) {
            return new SlotVerdict(State.MISSING, "slot " + name
                    + " does not exist: the relay is not capturing; see " + SLOT_LOST, slot);
        }
        if (slot.lost()) {
            return new SlotVerdict(State.LOST, "slot " + name + " was invalidated (wal_status lost, max_slot_wal_keep_size):"
                    + " the relay cannot resume from it; see " + SLOT_LOST, slot);
        }
        long retained = slot.retainedBytes() == null ? 0 : slot.retainedBytes();
        String detail = "slot " + name + " retains " + size(retained) + " of WAL (threshold " + size(warnBytes)
                + ", " + (slot.active() ? "relay connected" : "no relay connected") + ")";
        if (retained >= warnBytes) {
            return new SlotVerdict(State.OVER_THRESHOLD, detail + ": the relay is behind or stopped; see " + WAL_GROWING,
                    slot);
        }
        return new SlotVerdict(State.OK, detail, slot);
    }

    public static SlotVerdict unreadable(String name, Exception cause) {
        return new SlotVerdict(State.UNKNOWN, "slot " + name + " cannot be read from pg_replication_slots: " + cause.getMessage(),
                null);
    }

    public boolean ok() {
        return state == State.OK;
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = { "KiB", "MiB", "GiB", "TiB" };
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
