package org.warmstation.visitlog.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /**
     * @return every row of every table (not SQLite's own), in rowid order: table name to its rows,
     *         each row column name to value (a blob as its hex text {@code x'…'})
     * @throws SQLException when the file cannot be read
     */
    public Map<String, List<Map<String, Object>>> allRows() throws SQLException {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        for (String table : tables) {
            List<Map<String, Object>> rows = new ArrayList<>();
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT * FROM \"" + table + "\" ORDER BY rowid")) {
                ResultSetMetaData meta = rs.getMetaData();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        Object v = rs.getObject(i);
                        // blobs as hex text, so rows compare by content
                        row.put(meta.getColumnName(i), v instanceof byte[] b ? "x'" + java.util.HexFormat.of().formatHex(b) + "'" : v);
                    }
                    rows.add(row);
                }
            }
            out.put(table, rows);
        }
        return out;
    }

    /**
     * What an upgrade lost: every table of {@code before} (but the skipped ones) must still be
     * there with as many rows, each keeping the values of the columns it had (new columns are
     * ignored).
     *
     * @param before {@link #allRows()} before the upgrade
     * @param after  {@link #allRows()} after it
     * @param skip   tables not compared (Flyway's histories, which grow)
     * @return one line per loss; empty when nothing was lost
     */
    public static List<String> lost(Map<String, List<Map<String, Object>>> before,
                                    Map<String, List<Map<String, Object>>> after, Set<String> skip) {
        List<String> out = new ArrayList<>();
        for (var table : before.entrySet()) {
            if (skip.contains(table.getKey())) {
                continue;
            }
            List<Map<String, Object>> now = after.get(table.getKey());
            if (now == null) {
                out.add("table " + table.getKey() + " is gone");
                continue;
            }
            if (now.size() != table.getValue().size()) {
                out.add(table.getKey() + ": " + table.getValue().size() + " rows before, " + now.size() + " after");
                continue;
            }
            for (int i = 0; i < now.size(); i++) {
                Map<String, Object> old = table.getValue().get(i);
                Map<String, Object> kept = new LinkedHashMap<>(now.get(i));
                kept.keySet().retainAll(old.keySet());
                if (!old.equals(kept)) {
                    out.add(table.getKey() + " row " + (i + 1) + ": " + old + " became " + kept);
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
