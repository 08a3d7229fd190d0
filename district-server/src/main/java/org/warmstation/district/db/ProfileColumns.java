package org.warmstation.district.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.warmstation.protocol.wire.OpeningHours;
import org.warmstation.protocol.wire.StationProfile;

/**
 * The station table's profile columns (migration V2): written from a birth message's
 * {@link StationProfile}, opening hours as JSONB. Stateless and thread-safe.
 */
public final class ProfileColumns {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProfileColumns() {
    }

    /**
     * Stores a profile unless a profile of a later birth message is stored already.
     *
     * @param c        connection
     * @param district district
     * @param station  station
     * @param p        the profile
     * @param since    when the district received the birth message (its own clock), ordering profiles
     * @throws SQLException when the database fails
     */
    static void store(Connection c, int district, String station, StationProfile p, Instant since) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE station SET name = ?, address = ?, latitude = ?, longitude = ?, phone = ?,
                                   opening_hours = ?::jsonb, services = ?, zone = ?, profile_at = ?
                 WHERE district_id = ? AND station_id = ? AND (profile_at IS NULL OR profile_at <= ?)""")) {
            ps.setString(1, p.name());
            ps.setString(2, p.address());
            ps.setDouble(3, p.latitude());
            ps.setDouble(4, p.longitude());
            ps.setString(5, p.phone());
            ps.setString(6, hoursJson(p.openingHours()));
            ps.setArray(7, c.createArrayOf("text", p.services().toArray()));
            ps.setString(8, p.zone());
            ps.setTimestamp(9, Timestamp.from(since));
            ps.setInt(10, district);
            ps.setString(11, station);
            ps.setTimestamp(12, Timestamp.from(since));
            ps.executeUpdate();
        }
    }

    /**
     * @param hours weekday to spans
     * @return the JSON object stored in {@code opening_hours}
     */
    public static String hoursJson(Map<DayOfWeek, List<String>> hours) {
        try {
            return JSON.writeValueAsString(hours);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("opening hours not encodable", e);
        }
    }

    /**
     * @param json the stored {@code opening_hours}, or null
     * @return weekday to spans, empty when null or not readable (checked as on the wire)
     */
    public static Map<DayOfWeek, List<String>> hours(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            return OpeningHours.check(JSON.readValue(json, new TypeReference<Map<DayOfWeek, List<String>>>() { }));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return Map.of();
        }
    }
}
