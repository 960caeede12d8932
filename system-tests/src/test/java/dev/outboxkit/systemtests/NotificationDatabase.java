package dev.outboxkit.systemtests;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** Reads notification-service's projection straight from its database, to check what it applied. */
final class NotificationDatabase {

    private NotificationDatabase() {
    }

    static Connection connect() throws SQLException {
        return Databases.connect("notification");
    }

    static String customerName(Connection db, String customerId) throws SQLException {
        return query(db, "SELECT name FROM customer_view WHERE customer_id = ?", customerId);
    }

    static long lastSequence(Connection db, String customerId) throws SQLException {
        String value = query(db, "SELECT last_sequence::text FROM customer_view WHERE customer_id = ?", customerId);
        return value == null ? 0 : Long.parseLong(value);
    }

    static long deliveryCount(Connection db) throws SQLException {
        return count(db, "SELECT count(*) FROM delivery");
    }

    static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql); ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String query(Connection db, String sql, String customerId) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(sql)) {
            q.setObject(1, UUID.fromString(customerId));
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
