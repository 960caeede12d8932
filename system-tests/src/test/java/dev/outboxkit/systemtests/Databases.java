package dev.outboxkit.systemtests;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The services' databases on the local stack, read directly: what committed is the ground truth. */
public final class Databases {

    private Databases() {
    }

    /** Connects as the service's own user (the stack's dev-only credentials). */
    public static Connection connect(String database) throws SQLException {
        String url = "jdbc:postgresql://" + StackEnv.env("PG_HOST") + ":" + StackEnv.env("PG_PORT") + "/" + database;
        return DriverManager.getConnection(url, database, password(database));
    }

    /** The service user's password: the stack's export, else the stack's dev-only default (the user's name). */
    static String password(String database) {
        return System.getenv().getOrDefault(database.toUpperCase() + "_DB_PASSWORD", database);
    }

    /** Rows of {@code sql} with one string parameter, each row as its columns' text. */
    public static List<String[]> rows(String database, String sql, String parameter) throws SQLException {
        try (Connection db = connect(database); PreparedStatement query = db.prepareStatement(sql)) {
            if (parameter != null) {
                query.setString(1, parameter);
            }
            try (ResultSet rs = query.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                List<String[]> rows = new ArrayList<>();
                while (rs.next()) {
                    String[] row = new String[columns];
                    for (int i = 0; i < columns; i++) {
                        row[i] = rs.getString(i + 1);
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }
}
