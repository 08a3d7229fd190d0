package org.warmstation.district.console.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.warmstation.district.db.DistrictDatabase;

/**
 * The content of every table of the district schema as one MD5 per table, to show that a series
 * of requests wrote nothing ("nothing is written by a GET"): take one before, one after, compare.
 */
public final class DatabaseFingerprint {
    private DatabaseFingerprint() {
    }

    /**
     * @param database the database
     * @return table name → MD5 of its rows (as text, sorted)
     * @throws SQLException when the database fails
     */
    public static Map<String, String> of(DistrictDatabase database) throws SQLException {
        Map<String, String> sums = new TreeMap<>();
        try (Connection c = database.connection()) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
                            + " AND table_type = 'BASE TABLE' ORDER BY table_name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*), md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), ''))"
                        + " FROM \"" + t.replace("\"", "\"\"") + "\" x");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sums.put(t, rs.getLong(1) + " rows " + rs.getString(2));
                }
            }
        }
        return sums;
    }
}
