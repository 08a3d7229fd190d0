package org.warmstation.visitlog.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.protocol.card.WorkerCategory;

/** Maps visits to rows of the {@code visit} table and back (schema V1). */
final class VisitRows {
    /** Columns read by {@link #read}, in order. */
    static final String COLUMNS = "id, seq, station_id, recorded_at_ms, zone, member_id, card_serial, category,"
            + " services, source, clock_synced, since_boot_ms";

    private static final Logger log = LoggerFactory.getLogger(VisitRows.class);

    private VisitRows() {
    }

    /** Binds the 12 columns of {@link #COLUMNS} (parameters 1–12), with the given sequence. */
    static void bind(PreparedStatement st, Visit v, long seq) throws SQLException {
        st.setString(1, v.id().toString());
        st.setLong(2, seq);
        st.setString(3, v.stationId());
        st.setLong(4, v.recordedAt().toEpochMilli());
        st.setString(5, v.zone().getId());
        st.setString(6, v.member() == null ? null : v.member().hex());
        st.setLong(7, v.cardSerial());
        st.setString(8, v.category().name());
        st.setString(9, services(v.services()));
        st.setString(10, v.source().name());
        st.setInt(11, v.clockSynced() ? 1 : 0);
        st.setLong(12, v.sinceBoot().toMillis());
    }

    /**
     * @param v   a visit
     * @param seq its sequence
     * @return the visit exactly as {@link #read} will give it back (times in whole milliseconds)
     */
    static Visit asStored(Visit v, long seq) {
        return new Visit(v.id(), seq, v.stationId(), Instant.ofEpochMilli(v.recordedAt().toEpochMilli()), v.zone(),
                v.member(), v.cardSerial(), v.category(), v.services(), v.source(), v.clockSynced(),
                Duration.ofMillis(v.sinceBoot().toMillis()));
    }

    /** Reads the current row, selected with {@link #COLUMNS}. */
    static Visit read(ResultSet rs) throws SQLException {
        String member = rs.getString(6);
        return new Visit(UUID.fromString(rs.getString(1)), rs.getLong(2), rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)), ZoneId.of(rs.getString(5)),
                member == null ? null : MemberId.ofHex(member), rs.getLong(7),
                WorkerCategory.valueOf(rs.getString(8)), parseServices(rs.getString(9)),
                VisitSource.valueOf(rs.getString(10)), rs.getInt(11) != 0, Duration.ofMillis(rs.getLong(12)));
    }

    /** @return the Service names in enum order, comma-separated; empty for none */
    static String services(Set<Service> services) {
        if (services.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner(",");
        EnumSet.copyOf(services).forEach(s -> j.add(s.name()));
        return j.toString();
    }

    static Set<Service> parseServices(String text) {
        EnumSet<Service> set = EnumSet.noneOf(Service.class);
        if (text == null || text.isEmpty()) {
            return set;
        }
        for (String name : text.split(",")) {
            try {
                set.add(Service.valueOf(name.strip()));
            } catch (IllegalArgumentException e) {
                log.warn("visit log names an unknown service '{}'; ignored", name);
            }
        }
        return set;
    }
}
