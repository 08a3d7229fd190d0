package org.warmstation.district.db;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.testing.DistrictDatabaseExtension;
import org.warmstation.protocol.wire.OpeningHours;
import org.warmstation.protocol.wire.StationProfile;
import org.warmstation.protocol.wire.StationStatus;

/**
 * Issue 13 item 3: the district orders a station's status (birth, will) and profile by its own
 * receive time. A terminal whose clock is wrong cannot put a stale status over a newer one.
 */
class StationStatusOrderTest {
    private static final int D = 110105;
    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension("station");

    private final StationStore stations = new StationStore();

    @Test
    void aBirthStampedInTheFutureByAWrongClockDoesNotHideTheLaterLastWill() throws Exception {
        try (Connection c = DB.database().connection()) {
            // the terminal's clock says 2030: its birth is received at T0, its will a minute later
            stations.recordStatus(c, status("ahead-a", StationStatus.State.ONLINE, Instant.parse("2030-01-01T00:00:00Z"),
                    "驿站 2030"), T0);
            stations.recordStatus(c, status("ahead-a", StationStatus.State.OFFLINE, Instant.parse("2030-01-01T00:00:00Z"),
                    null), T0.plusSeconds(60));
            assertEquals("OFFLINE", row(c, "ahead-a", "status"));
            // after NTP corrected the clock it reconnects: its birth (stamped correctly) wins again
            stations.recordStatus(c, status("ahead-a", StationStatus.State.ONLINE, T0.plusSeconds(100), "驿站 改名"),
                    T0.plusSeconds(120));
            assertEquals("ONLINE", row(c, "ahead-a", "status"));
            assertEquals("驿站 改名", row(c, "ahead-a", "name"), "the profile of the latest birth received");
        }
    }

    @Test
    void aBirthStampedIn2019IsNewerThanTheWillReceivedBeforeIt() throws Exception {
        try (Connection c = DB.database().connection()) {
            stations.recordStatus(c, status("old-a", StationStatus.State.OFFLINE, T0, null), T0);
            // rebooted without a battery clock: its clock says 2019 until NTP syncs
            stations.recordStatus(c, status("old-a", StationStatus.State.ONLINE, Instant.parse("2019-06-01T00:00:00Z"),
                    "驿站 2019"), T0.plusSeconds(30));
            assertEquals("ONLINE", row(c, "old-a", "status"));
            assertEquals("驿站 2019", row(c, "old-a", "name"));
            assertEquals(T0.plusSeconds(30).toString(), row(c, "old-a", "state_since"), "online since received");
        }
    }

    private static StationStatus status(String station, StationStatus.State state, Instant since, String name) {
        StationProfile profile = name == null ? null : new StationProfile(name, "朝阳路 1", 39.9, 116.4, "010-1",
                OpeningHours.parse("MON-SUN 00:00-24:00"), List.of("HOT_WATER"), "Asia/Shanghai");
        return new StationStatus(StationStatus.SCHEMA, D, station, state, "0.9.0", since, null, profile, 60);
    }

    private static String row(Connection c, String station, String column) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + column + " FROM station WHERE station_id = ?")) {
            ps.setString(1, station);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Object v = rs.getObject(1);
                return v instanceof java.sql.Timestamp t ? t.toInstant().toString()
                        : v instanceof java.time.OffsetDateTime o ? o.toInstant().toString() : String.valueOf(v);
            }
        }
    }
}
