package org.warmstation.district.supply;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.stream.Collectors;
import org.warmstation.district.records.RecordSink;
import org.warmstation.protocol.wire.RecordBody;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.WireRating;
import org.warmstation.protocol.wire.WireRecord;

/**
 * Projects the stations' RATING records into {@code rating} (Flyway V10), one row per visit,
 * inside the transaction that stored the record; a newer revision (the visitor changed the
 * answer) replaces it, an older one changes nothing. Stateless and thread-safe.
 */
public final class RatingProjection implements RecordSink {
    @Override
    public RecordKind kind() {
        return RecordKind.RATING;
    }

    /**
     * {@inheritDoc}
     *
     * @throws SQLException when the rating cannot be stored
     */
    @Override
    public void stored(Connection c, Topics station, WireRecord record, RecordBody body) throws SQLException {
        WireRating r = (WireRating) body;
        try (PreparedStatement st = c.prepareStatement("INSERT INTO rating (visit_uuid, record_uuid, revision, district_id,"
                + " station_id, rated_at, answer, reasons) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (visit_uuid) DO UPDATE"
                + " SET record_uuid = excluded.record_uuid, revision = excluded.revision, rated_at = excluded.rated_at,"
                + " answer = excluded.answer, reasons = excluded.reasons WHERE rating.revision < excluded.revision")) {
            st.setObject(1, r.visit());
            st.setObject(2, record.uuid());
            st.setInt(3, record.revision());
            st.setInt(4, station.district());
            st.setString(5, station.station());
            st.setTimestamp(6, Timestamp.from(r.ratedAt()));
            st.setString(7, r.answer().name());
            st.setString(8, r.reasons().stream().map(Enum::name).collect(Collectors.joining(",")));
            st.executeUpdate();
        }
    }
}
