package org.warmstation.visitlog.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.warmstation.visitlog.store.VisitLogDatabase;

/** Looks into a visit-log file with a connection of its own, as the sync's outbox reader would. */
public final class VisitLogFile implements AutoCloseable {
    private final Connection connection;

    public VisitLogFile(Path dataDirectory) throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite:" + VisitLogDatabase.file(dataDirectory));
    }

    public String text(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    public long number(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    public List<Long> numbers(String sql) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    public int update(String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            return st.executeUpdate(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
