package org.warmstation.district.fleet;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.warmstation.protocol.wire.HeldLists;
import org.warmstation.district.db.ProfileColumns;
import org.warmstation.protocol.wire.OpeningHours;

/**
 * The station state query: every station with its state (ONLINE / QUIET / OFFLINE / UNKNOWN and
 * since when), backlog, last visit, clock flag, version, today's visits, profile, "open now",
 * "busy" and the card-list versions it holds. One SQL statement (an index lookup per station for the last visit, today's visits from
 * the visit table's date index). Stateless and thread-safe; blocks for the query.
 */
public final class FleetQuery {
    private static final String SQL = """
            SELECT s.district_id, s.station_id, s.status, s.state_since, s.last_message_at, s.heartbeat_s,
                   s.queue_depth, s.clock_synced, s.app_version, s.temperature_c, s.motion_entries_hour, s.motion_at,
                   s.name, s.address, s.latitude, s.longitude, s.phone, s.opening_hours::text, s.services, s.zone,
                   lv.recorded_at, COALESCE(t.visits, 0), COALESCE(t.members, 0), COALESCE(t.guests, 0), s.simulated,
                   COALESCE(s.deny_list_version, 0), s.deny_list_received_at, COALESCE(s.trust_list_version, 0),
                   s.trust_list_received_at
              FROM station s
              LEFT JOIN LATERAL (SELECT v.recorded_at FROM visit v
                                  WHERE v.district_id = s.district_id AND v.station_id = s.station_id
                                  ORDER BY v.recorded_at DESC LIMIT 1) lv ON true
              LEFT JOIN (SELECT district_id, station_id, count(*) AS visits, count(DISTINCT member_id) AS members,
                                 count(*) FILTER (WHERE member_id IS NULL) AS guests
                           FROM visit WHERE local_date = ? GROUP BY district_id, station_id) t
                     ON t.district_id = s.district_id AND t.station_id = s.station_id
             ORDER BY s.district_id, s.station_id""";

    private final FleetSettings settings;

    /** @param settings quiet threshold, busy threshold, district zone */
    public FleetQuery(FleetSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @return the settings */
    public FleetSettings settings() {
        return settings;
    }

    /**
     * @param c   connection
     * @param now the district clock
     * @return every station, by district and station id
     * @throws SQLException when the database fails
     */
    public List<StationView> stations(Connection c, Instant now) throws SQLException {
        List<StationView> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setObject(1, LocalDate.ofInstant(now, settings.zone()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(row(rs, now));
                }
            }
        }
        return out;
    }

    private StationView row(ResultSet rs, Instant now) throws SQLException {
        Integer hb = (Integer) rs.getObject(6);
        Duration heartbeat = hb == null ? null : Duration.ofSeconds(hb);
        Instant lastHeard = instant(rs.getTimestamp(5));
        StationStates.Judged judged = StationStates.judge(rs.getString(3), instant(rs.getTimestamp(4)), lastHeard,
                heartbeat, now, settings);
        Long entriesHour = (Long) rs.getObject(11);
        Instant motionAt = instant(rs.getTimestamp(12));
        boolean fresh = motionAt != null && !motionAt.plus(settings.quietAfter(heartbeat)).isBefore(now);
        StationView.Place place = place(rs);
        Boolean open = place == null || place.openingHours().isEmpty() ? null
                : OpeningHours.openAt(place.openingHours(), now.atZone(place.zone()).toLocalDateTime());
        return new StationView(rs.getInt(1), rs.getString(2), judged.state(), judged.since(), lastHeard,
                (Long) rs.getObject(7), instant(rs.getTimestamp(21)), (Boolean) rs.getObject(8), rs.getString(9),
                rs.getLong(22), rs.getLong(23), rs.getLong(24), (Double) rs.getObject(10), fresh ? entriesHour : null, place, open,
                fresh && entriesHour != null && entriesHour >= settings.busyEntriesPerHour(), rs.getBoolean(25),
                new HeldLists(rs.getLong(26), instant(rs.getTimestamp(27)), rs.getLong(28), instant(rs.getTimestamp(29))));
    }

    private StationView.Place place(ResultSet rs) throws SQLException {
        String name = rs.getString(13);
        if (name == null || rs.getObject(15) == null || rs.getObject(16) == null) {
            return null;
        }
        Array services = rs.getArray(19);
        List<String> names = services == null ? List.of() : Arrays.asList((String[]) services.getArray());
        return new StationView.Place(name, Objects.requireNonNullElse(rs.getString(14), ""), rs.getDouble(15),
                rs.getDouble(16), Objects.requireNonNullElse(rs.getString(17), ""), ProfileColumns.hours(rs.getString(18)),
                List.copyOf(names), zone(rs.getString(20)));
    }

    private ZoneId zone(String id) {
        try {
            return id == null ? settings.zone() : ZoneId.of(id);
        } catch (DateTimeException e) {
            return settings.zone();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
