package org.warmstation.terminal.kiosk;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.db.StationStore;

/** What the district holds about one station, read the way its console reads it ({@link StationStore}). */
final class DistrictStations {
    private DistrictStations() {
    }

    /**
     * @param db       the district's database
     * @param district the district id
     * @param station  the station id
     * @return the station's row, or empty before its first message
     * @throws AssertionError when the database fails
     */
    static Optional<StationStore.StationRow> row(DistrictDatabase db, int district, String station) {
        try (Connection c = db.connection()) {
            return new StationStore().list(c).stream()
                    .filter(r -> r.district() == district && r.station().equals(station)).findFirst();
        } catch (SQLException e) {
            throw new AssertionError("district database: " + e.getMessage(), e);
        }
    }

    /**
     * @param db       the district's database
     * @param district the district id
     * @param station  the station id
     * @return its status (ONLINE, OFFLINE, ...), or "no station row" before its first message
     */
    static String status(DistrictDatabase db, int district, String station) {
        return row(db, district, station).map(StationStore.StationRow::status).orElse("no station row");
    }
}
