package org.warmstation.district.sim;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Writes simulated visits into the {@code visit} table with PostgreSQL's {@code COPY … FROM STDIN}
 * (text format), as the district would have stored them from a station: revision 1, zone
 * Asia/Shanghai, local date and hour in that zone, received one to three seconds after the
 * check-in. One COPY per call; rows are sent in chunks of about a megabyte.
 *
 * <p>Not thread-safe (one per loading thread); blocks on the database.
 */
final class VisitCopier {
    private static final String COPY = """
            COPY visit (visit_uuid, district_id, station_id, seq, revision, recorded_at, zone, local_date, local_hour,
                        member_id, card_serial, category, services, source, clock_synced, since_boot_ms, received_at)
            FROM STDIN""";
    private static final int CHUNK = 1 << 20;
    private static final String ZONE_ID = DistrictSimulator.ZONE.getId();

    private final StringBuilder rows = new StringBuilder(CHUNK + 4096);
    private CopyIn copy;

    /**
     * Starts the COPY.
     *
     * @param c connection (its transaction holds the COPY)
     * @throws SQLException when the database refuses
     */
    void begin(Connection c) throws SQLException {
        copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
    }

    /**
     * Adds the visits of one station, numbered from {@code firstSeq} on.
     *
     * @param district    district id
     * @param station     the station
     * @param visits      visits in time order
     * @param firstSeq    seq of the first
     * @param bootedAt    when the station's software started (for {@code since_boot_ms})
     * @param clockSynced whether its clock was synced
     * @throws SQLException when the database fails
     */
    void add(int district, SimStation station, List<SimVisit> visits, long firstSeq, Instant bootedAt,
             boolean clockSynced) throws SQLException {
        long seq = firstSeq;
        long boot = bootedAt.toEpochMilli();
        for (SimVisit v : visits) {
            long at = v.recordedAt().toEpochMilli();
            ZoneOffset offset = DistrictSimulator.ZONE.getRules().getOffset(v.recordedAt());
            LocalDateTime local = LocalDateTime.ofEpochSecond(Math.floorDiv(at, 1000), 0, offset);
            rows.append(v.uuid()).append('\t').append(district).append('\t').append(station.id()).append('\t')
                    .append(seq++).append("\t1\t").append(v.recordedAt()).append('\t').append(ZONE_ID).append('\t')
                    .append(local.toLocalDate()).append('\t').append(local.getHour()).append('\t')
                    .append(v.memberId() == null ? "\\N" : v.memberId()).append('\t').append(v.cardSerial())
                    .append('\t').append(v.category()).append("\t{");
            List<String> services = v.services();
            for (int i = 0; i < services.size(); i++) {
                if (i > 0) {
                    rows.append(',');
                }
                rows.append(services.get(i));
            }
            rows.append("}\t").append(v.source()).append('\t').append(clockSynced ? 't' : 'f').append('\t')
                    .append(Math.max(0, at - boot)).append('\t')
                    .append(Instant.ofEpochMilli(at + 1000 + (v.uuid().getLeastSignificantBits() & 2047)))
                    .append('\n');
            if (rows.length() >= CHUNK) {
                flush();
            }
        }
    }

    /**
     * Sends what is left and ends the COPY.
     *
     * @return rows copied
     * @throws SQLException when the database refuses a row
     */
    long end() throws SQLException {
        flush();
        return copy.endCopy();
    }

    private void flush() throws SQLException {
        if (!rows.isEmpty()) {
            byte[] bytes = rows.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            rows.setLength(0);
        }
    }
}
