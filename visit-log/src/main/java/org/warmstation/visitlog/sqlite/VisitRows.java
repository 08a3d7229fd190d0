package org.warmstation.visitlog.sqlite;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.protocol.wire.ZoneIds;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;

/**
 * Maps visits to rows of the {@code visit} table and back (schema V1): the one row mapper of the
 * visit log, for the store and the outbox. A service name this version does not know is logged and
 * left out (a row written by a newer version); any other invalid value throws. Stateless.
 */
public final class VisitRows {
    /** Columns read by {@link #read}, in order. */
    public static final String COLUMNS = "id, seq, station_id, recorded_at_ms, zone, member_id, card_serial, category,"
            + " services, source, clock_synced, since_boot_ms";

    private static final Logger log = LoggerFactory.getLogger(VisitRows.class);
    private static final String[] NAMES = COLUMNS.split(", ");

    private VisitRows() {
    }

    /**
     * Binds the 12 columns of {@link #COLUMNS} (parameters 1–12), with the given sequence.
     *
     * @param st  the statement
     * @param v   the visit
     * @param seq its sequence number
     * @throws SQLException when binding fails
     */
    public static void bind(PreparedStatement st, Visit v, long seq) throws SQLException {
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
     * @param alias a table alias, e.g. {@code v}
     * @return {@link #COLUMNS} qualified with it, for a join
     */
    public static String columns(String alias) {
        StringJoiner j = new StringJoiner(", ");
        for (String n : NAMES) {
            j.add(alias + "." + n);
        }
        return j.toString();
    }

    /**
     * The visit as the wire carries it (ws.visits/1).
     *
     * @param v        a visit read from the log
     * @param revision its revision
     * @return the wire form
     * @throws IllegalArgumentException when the visit does not fit the wire format
     */
    public static WireVisit toWire(Visit v, int revision) {
        return new WireVisit(v.id(), v.sequence(), revision, v.recordedAt(), v.zone().getId(),
                v.member() == null ? null : v.member().hex(), v.cardSerial(), v.category().name(),
                serviceNames(v.services()), v.source().name(), v.clockSynced(),
                v.sinceBoot().toMillis());
    }

    /**
     * Reads the current row straight into its wire form: the same values and the same checks as
     * {@code toWire(read(rs), revision)} (an unknown category or source is refused, an unknown
     * service is logged and left out), without building the {@link Visit} in between (decision
     * 0250: the outbox reads a row per visit it sends).
     *
     * @param rs       a result set on a row, selected with {@link #COLUMNS} as its first 12 columns
     * @param revision the row's revision
     * @return the wire form
     * @throws SQLException                  when the row cannot be read
     * @throws IllegalArgumentException      when a value is invalid (unknown category or source, bad
     *                                       UUID or member id)
     * @throws java.time.DateTimeException   when the zone or the time is invalid
     */
    public static WireVisit readWire(ResultSet rs, int revision) throws SQLException {
        return wire(rs.getString(1), rs.getLong(2), revision, rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getLong(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getInt(11) != 0, rs.getLong(12));
    }

    /** Separates the text columns of {@link #packedColumns} (ASCII unit separator, in no valid value). */
    private static final char UNIT = '\u001f';

    /**
     * The columns {@link #readPackedWire} reads: seq, revision, recorded_at_ms, card_serial,
     * clock_synced, since_boot_ms, then id, zone, member_id ('' for none), category, services and
     * source joined by the ASCII unit separator into one text column. The outbox reads a row per
     * visit it sends, and the SQLite driver's cost is per column read (about 0.15 µs for each
     * text column): one text column instead of six saves about 0.7 µs a visit (decision 0275).
     *
     * @param alias the visit table's alias, e.g. {@code v}
     * @return the select list, 7 columns
     */
    public static String packedColumns(String alias) {
        String u = " || char(31) || ";
        return alias + ".seq, " + alias + ".revision, " + alias + ".recorded_at_ms, " + alias + ".card_serial, "
                + alias + ".clock_synced, " + alias + ".since_boot_ms, " + alias + ".id" + u + alias + ".zone" + u
                + "ifnull(" + alias + ".member_id, '')" + u + alias + ".category" + u + alias + ".services" + u
                + alias + ".source";
    }

    /**
     * As {@link #readWire}, from a row selected with {@link #packedColumns} as its first 7 columns:
     * the same values and the same checks.
     *
     * @param rs a result set on a row
     * @return the wire form
     * @throws SQLException                when the row cannot be read
     * @throws IllegalArgumentException    when a value is invalid (as {@link #readWire}), or a text
     *                                     column is NULL or holds the separator
     * @throws java.time.DateTimeException when the zone or the time is invalid
     */
    public static WireVisit readPackedWire(ResultSet rs) throws SQLException {
        String packed = rs.getString(7);
        if (packed == null) {
            throw new IllegalArgumentException("a text column of the visit row is NULL");
        }
        String[] t = new String[6];
        int from = 0;
        for (int i = 0; i < 5; i++) {
            int end = packed.indexOf(UNIT, from);
            if (end < 0) {
                throw new IllegalArgumentException("the visit row's text columns hold a separator character");
            }
            t[i] = packed.substring(from, end);
            from = end + 1;
        }
        t[5] = packed.substring(from);
        if (t[5].indexOf(UNIT) >= 0) {
            throw new IllegalArgumentException("the visit row's text columns hold a separator character");
        }
        return wire(t[0], rs.getLong(1), rs.getInt(2), rs.getLong(3), t[1], t[2].isEmpty() ? null : t[2],
                rs.getLong(4), t[3], t[4], t[5], rs.getInt(5) != 0, rs.getLong(6));
    }

    private static WireVisit wire(String id, long seq, int revision, long recordedAtMs, String zone, String member,
                                  long cardSerial, String category, String services, String source, boolean clockSynced,
                                  long sinceBootMs) {
        if (member != null && !isLowerHex16(member)) {
            member = MemberId.ofHex(member).hex(); // as read() does: any case in, lower case out
        }
        return new WireVisit(UUID.fromString(id), seq, revision, Instant.ofEpochMilli(recordedAtMs),
                ZoneIds.of(zone).getId(), member, cardSerial, WorkerCategory.valueOf(category).name(),
                wireServices(services), VisitSource.valueOf(source).name(), clockSynced, sinceBootMs);
    }

    private static boolean isLowerHex16(String s) {
        if (s.length() != 16) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Most services columns {@link #wireServices} keeps: each of the 2^8 canonical ones fits. */
    static final int MAX_CACHED_SERVICES = 256;
    private static final Map<String, List<String>> SERVICE_NAMES = new ConcurrentHashMap<>();

    /**
     * The wire names of a services column: {@code serviceNames(parseServices(column))}, kept for a
     * column that is exactly those names joined, as the store writes it (parsing them was a
     * quarter of the outbox read's Java time: decision 0290). A column naming an unknown service,
     * or in another order, is parsed (and its unknown names logged) every time.
     *
     * @param column the services column, or null
     * @return the names in enum order, an unmodifiable list
     */
    static List<String> wireServices(String column) {
        if (column == null) {
            return List.of();
        }
        List<String> names = SERVICE_NAMES.get(column);
        if (names != null) {
            return names;
        }
        names = serviceNames(parseServices(column));
        if (SERVICE_NAMES.size() < MAX_CACHED_SERVICES && column.equals(String.join(",", names))) {
            SERVICE_NAMES.putIfAbsent(column, names);
        }
        return names;
    }

    private static List<String> serviceNames(Set<Service> services) {
        return services.isEmpty() ? List.of() : EnumSet.copyOf(services).stream().map(Service::name).toList();
    }

    /**
     * @param v   a visit
     * @param seq its sequence
     * @return the visit exactly as {@link #read} will give it back (times in whole milliseconds)
     */
    public static Visit asStored(Visit v, long seq) {
        return new Visit(v.id(), seq, v.stationId(), Instant.ofEpochMilli(v.recordedAt().toEpochMilli()), v.zone(),
                v.member(), v.cardSerial(), v.category(), v.services(), v.source(), v.clockSynced(),
                Duration.ofMillis(v.sinceBoot().toMillis()));
    }

    /**
     * Reads the current row, selected with {@link #COLUMNS} as its first 12 columns.
     *
     * @param rs a result set on a row
     * @return the visit
     * @throws SQLException             when the row cannot be read
     * @throws IllegalArgumentException when a value is invalid (unknown category, bad UUID, zone)
     */
    public static Visit read(ResultSet rs) throws SQLException {
        String member = rs.getString(6);
        return new Visit(UUID.fromString(rs.getString(1)), rs.getLong(2), rs.getString(3),
                Instant.ofEpochMilli(rs.getLong(4)), ZoneIds.of(rs.getString(5)),
                member == null ? null : MemberId.ofHex(member), rs.getLong(7),
                WorkerCategory.valueOf(rs.getString(8)), parseServices(rs.getString(9)),
                VisitSource.valueOf(rs.getString(10)), rs.getInt(11) != 0, Duration.ofMillis(rs.getLong(12)));
    }

    /**
     * @param services services
     * @return their names in enum order, comma-separated; empty for none
     */
    public static String services(Set<Service> services) {
        if (services.isEmpty()) {
            return "";
        }
        StringJoiner j = new StringJoiner(",");
        EnumSet.copyOf(services).forEach(s -> j.add(s.name()));
        return j.toString();
    }

    public static Set<Service> parseServices(String text) {
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
