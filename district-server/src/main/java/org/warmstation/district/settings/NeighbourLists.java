package org.warmstation.district.settings;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.warmstation.district.db.ProfileColumns;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.district.fleet.Geo;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.Neighbour;
import org.warmstation.protocol.wire.Neighbours;
import org.warmstation.protocol.wire.StationHours;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Wire;

/**
 * Each station's nearest stations of its district with their hours (decision 0126): the
 * {@value #COUNT} nearest within {@value #MAX_METRES} m whose position and hours the district
 * knows (hours from the newest settings document the district sent, else the hours the station
 * published in its profile). A list is queued as a NEIGHBOURS downlink only for a real station
 * whose list differs from the one it was last sent, so a refresh after one station's change sends
 * only the lists it changes. Stateless; works on the caller's connection and transaction.
 */
final class NeighbourLists {
    /** Most neighbours per station. */
    static final int COUNT = 5;
    /** Farthest neighbour, metres. */
    static final int MAX_METRES = 20_000;

    private final int district;
    private final DownlinkSender sender;
    private final StationSettingsStore documents = new StationSettingsStore();

    private record Place(String id, String name, Geo.Point at, boolean simulated, StationHours hours) {
    }

    NeighbourLists(int district, DownlinkSender sender) {
        this.district = district;
        this.sender = sender;
    }

    /**
     * @return how many lists were queued
     * @throws SQLException when the database fails
     */
    int refresh(Connection c, Instant now, String by) throws SQLException {
        // one refresh of a district at a time (console, command line, each server instance): the
        // second sees the lists the first queued and queues none of them again
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
            lock.setInt(1, 0x4e424f52); // 'NBOR'
            lock.setInt(2, district);
            lock.execute();
        }
        List<Place> places = places(c);
        Map<String, Neighbours> last = lastSent(c);
        int queued = 0;
        for (Place p : places) {
            if (p.simulated()) {
                continue;
            }
            Neighbours list = listFor(p, places);
            Neighbours before = last.get(p.id());
            if (before == null ? !list.stations().isEmpty() : !before.equals(list)) {
                sender.send(c, DownlinkCommand.neighbours(district, p.id(), now, list), by);
                queued++;
            }
        }
        return queued;
    }

    private static Neighbours listFor(Place p, List<Place> places) {
        record Near(Place place, int metres) {
        }
        return new Neighbours(places.stream().filter(o -> !o.id().equals(p.id()) && o.hours() != null)
                .map(o -> new Near(o, (int) Math.round(Geo.meters(p.at(), o.at()))))
                .filter(n -> n.metres() <= MAX_METRES)
                .sorted(Comparator.comparingInt(Near::metres))
                .limit(COUNT)
                .map(n -> new Neighbour(n.place().id(), n.place().name(), n.metres(), n.place().hours()))
                .toList());
    }

    private List<Place> places(Connection c) throws SQLException {
        Map<String, StationSettings> docs = documents.latestAll(c, district);
        List<Place> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT station_id, COALESCE(name, station_id), latitude, longitude, simulated, opening_hours::text
                  FROM station WHERE district_id = ? AND latitude IS NOT NULL AND longitude IS NOT NULL
                 ORDER BY station_id""")) {
            ps.setInt(1, district);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String id = rs.getString(1);
                    StationSettings doc = docs.get(id);
                    var published = ProfileColumns.hours(rs.getString(6));
                    StationHours hours = doc != null ? doc.hours()
                            : published.isEmpty() ? null : new StationHours(published, List.of());
                    String name = rs.getString(2);
                    out.add(new Place(id, name.length() > 100 ? name.substring(0, 100) : name,
                            new Geo.Point(rs.getDouble(3), rs.getDouble(4)), rs.getBoolean(5), hours));
                }
            }
        }
        return out;
    }

    private Map<String, Neighbours> lastSent(Connection c) throws SQLException {
        Map<String, Neighbours> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT ON (station_id) station_id, command FROM downlink
                 WHERE district_id = ? AND kind = 'NEIGHBOURS' ORDER BY station_id, issued_at DESC, id DESC""")) {
            ps.setInt(1, district);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), Wire.decode(rs.getBytes(2), DownlinkCommand.class,
                            Wire.MAX_DOWNLINK_BYTES).neighbours());
                }
            }
        }
        return out;
    }
}
