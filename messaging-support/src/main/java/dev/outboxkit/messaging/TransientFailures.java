package dev.outboxkit.messaging;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;

/**
 * Tells a failure of the infrastructure (the database is down, restarting, or gave up a transaction to a
 * deadlock) from a failure of the record or the code. The first passes by itself, so a consumer retries
 * it for as long as it lasts; dead-lettering it would take a perfectly good event out of the stream.
 */
public final class TransientFailures {

    /**
     * SQLSTATE classes and codes that say "try again later": 08 connection exception, 40 transaction
     * rollback (serialization failure, deadlock), 53 insufficient resources, 57 operator intervention
     * (admin shutdown, the database is starting up), 58 system error, 55P03 lock not available.
     */
    private static final List<String> TRANSIENT_SQL_STATES = List.of("08", "40", "53", "57", "58", "55P03");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        return Causes.of(failure).anyMatch(TransientFailures::transientItself);
    }

    private static boolean transientItself(Throwable cause) {
        if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                || cause instanceof ConnectException || cause instanceof SocketException) {
            return true;
        }
        return cause instanceof SQLException sql && sql.getSQLState() != null
                && TRANSIENT_SQL_STATES.stream().anyMatch(sql.getSQLState()::startsWith);
    }
}
