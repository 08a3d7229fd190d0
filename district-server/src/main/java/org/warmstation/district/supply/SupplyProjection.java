package org.warmstation.district.supply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import org.warmstation.district.records.RecordSink;
import org.warmstation.protocol.wire.RecordBody;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.protocol.wire.WireSupply;

/**
 * Projects the stations' SUPPLY records into {@code supply_movement} and {@code supply_stock}
 * (Flyway V10) inside the transaction that stored the record, so a movement is counted exactly
 * when its record is stored and acked. The stock row follows the newest movement of the item
 * by the record's seq (an older one arriving late does not turn it back). Stateless and thread-safe.
 */
public final class SupplyProjection implements RecordSink {
    @Override
    public RecordKind kind() {
        return RecordKind.SUPPLY;
    }

    /**
     * {@inheritDoc}
     *
     * @throws SQLException when the movement cannot be stored
     */
    @Override
    public void stored(Connection c, Topics station, WireRecord record, RecordBody body) throws SQLException {
        WireSupply s = (WireSupply) body;
        Timestamp at = Timestamp.from(s.at());
        try (PreparedStatement st = c.prepareStatement("INSERT INTO supply_movement (movement_uuid, district_id, station_id,"
                + " at, movement, item, quantity, stock_after, low_at, visit_uuid, category, guest)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (movement_uuid) DO UPDATE SET at = excluded.at,"
                + " movement = excluded.movement, item = excluded.item, quantity = excluded.quantity,"
                + " stock_after = excluded.stock_after, low_at = excluded.low_at, visit_uuid = excluded.visit_uuid,"
                + " category = excluded.category, guest = excluded.guest")) {
            st.setObject(1, record.uuid());
            st.setInt(2, station.district());
            st.setString(3, station.station());
            st.setTimestamp(4, at);
            st.setString(5, s.movement().name());
            st.setString(6, s.item());
            st.setInt(7, s.quantity());
            st.setInt(8, s.stockAfter());
            st.setInt(9, s.lowAt());
            if (s.visit() == null) {
                st.setNull(10, Types.OTHER);
            } else {
                st.setObject(10, s.visit());
            }
            st.setString(11, s.category() == null ? null : s.category().name());
            st.setBoolean(12, s.guest());
            st.executeUpdate();
        }
        try (PreparedStatement st = c.prepareStatement("INSERT INTO supply_stock (district_id, station_id, item, stock, low_at,"
                + " at, movement_uuid, record_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (district_id, station_id, item)"
                + " DO UPDATE SET stock = excluded.stock, low_at = excluded.low_at, at = excluded.at,"
                + " movement_uuid = excluded.movement_uuid, record_seq = excluded.record_seq"
                + " WHERE supply_stock.record_seq <= excluded.record_seq")) {
            st.setInt(1, station.district());
            st.setString(2, station.station());
            st.setString(3, s.item());
            st.setInt(4, s.stockAfter());
            st.setInt(5, s.lowAt());
            st.setTimestamp(6, at);
            st.setObject(7, record.uuid());
            st.setLong(8, record.seq());
            st.executeUpdate();
        }
    }
}
