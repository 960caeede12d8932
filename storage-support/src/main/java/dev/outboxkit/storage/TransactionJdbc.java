package dev.outboxkit.storage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/**
 * Plain JDBC statements in the caller's transaction, for rows that need none of an entity's bookkeeping: the outbox row
 * (outbox-support's {@code EventPublisher}), and what a consumer writes per event, the dedupe rule
 * ({@code applied_sequence}), the directory, the order history's read model and notification-service's new ledger
 * entries; the dispatcher's claim of due emails; and, with {@link #updateAlone}, a statement that is a transaction of
 * its own (notification-service's record of a sent email). Through Hibernate each such statement
 * cost more than the statement itself: for native SQL, a flush of the whole session before it (Hibernate cannot tell
 * what native SQL touches), a cache clean-up action after it and the SQL parsed again on every execution; for an
 * entity written only to be deleted again, the persistence context's bookkeeping of both (bench/RESULTS.md, "A
 * consumer's statements in plain JDBC", "The outbox row in plain JDBC").
 * <p>
 * Within a JTA transaction the pool hands out the connection enlisted in that transaction, the one Hibernate uses
 * too: these statements commit or roll back with the caller's entities. Closing it here returns the handle, not the
 * connection. Failures surface as {@link PersistenceException} with the driver's {@link SQLException} as the cause,
 * as Hibernate's do, so the consumers' failure rules (a transient SQLSTATE is retried) read them the same way.
 */
@ApplicationScoped
public class TransactionJdbc {

    /** Reads one row of a result; the cursor is on that row. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet row) throws SQLException;
    }

    private final DataSource dataSource;

    TransactionJdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the number of rows the statement changed */
    @Transactional(Transactional.TxType.MANDATORY)
    public int update(String sql, Object... parameters) {
        return executeUpdate(sql, parameters);
    }

    /**
     * One statement that is a transaction of its own (autocommit): no transaction manager, no persistence context, for
     * a write that needs nothing else to commit with it. Refused inside a transaction, which it would not be part of.
     * @return the number of rows the statement changed
     */
    @Transactional(Transactional.TxType.NEVER)
    public int updateAlone(String sql, Object... parameters) {
        return executeUpdate(sql, parameters);
    }

    private int executeUpdate(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public <T> List<T> query(String sql, Row<T> row, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = prepare(connection, sql, parameters);
                ResultSet rows = statement.executeQuery()) {
            List<T> result = new ArrayList<>();
            while (rows.next()) {
                result.add(row.read(rows));
            }
            return result;
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i] instanceof Instant instant
                        // The driver binds no Instant (PostgreSQL JDBC 42.7); the same instant at UTC is a timestamptz.
                        ? instant.atOffset(ZoneOffset.UTC)
                        : parameters[i]);
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static PersistenceException failed(String sql, SQLException e) {
        return new PersistenceException("Statement failed (SQLSTATE " + e.getSQLState() + "): " + sql.strip(), e);
    }
}
