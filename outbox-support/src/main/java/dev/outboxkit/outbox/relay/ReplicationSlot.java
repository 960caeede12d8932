package dev.outboxkit.outbox.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * What PostgreSQL says about the relay's logical replication slot, read from {@code pg_replication_slots}
 * (readable by any role, no REPLICATION needed). {@code retainedBytes} is the WAL the slot pins:
 * from its {@code restart_lsn} to the current end of the WAL. {@code safeWalBytes} is what may still be
 * written before {@code max_slot_wal_keep_size} invalidates the slot (null when there is no cap).
 */
public record ReplicationSlot(String name, boolean exists, boolean active, String walStatus, Long retainedBytes,
        Long safeWalBytes) {

    static final String QUERY = """
            SELECT active, wal_status, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) AS retained, safe_wal_size
            FROM pg_replication_slots WHERE slot_name = ?""";

    public static ReplicationSlot missing(String name) {
        return new ReplicationSlot(name, false, false, null, null, null);
    }

    public static ReplicationSlot read(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(QUERY)) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return missing(name);
                }
                return new ReplicationSlot(name, true, row.getBoolean("active"), row.getString("wal_status"),
                        asLong(row.getObject("retained")), asLong(row.getObject("safe_wal_size")));
            }
        }
    }

    /** Invalidated by max_slot_wal_keep_size: the WAL it needed is gone, the relay cannot resume from it. */
    public boolean lost() {
        return "lost".equals(walStatus);
    }

    private static Long asLong(Object value) {
        return value == null ? null : ((Number) value).longValue();
    }
}
