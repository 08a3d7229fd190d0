package org.warmstation.district.sim;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.warmstation.district.db.StationStore;
import org.warmstation.district.sim.SimStation.Health;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Telemetry;

/**
 * Puts a {@link DistrictSimulator}'s district into the district database so that it looks synced
 * by real stations: each station's status and profile and heartbeat through the district's own
 * {@link StationStore} (flagged {@code simulated}), its visits by {@code COPY} with sequence
 * numbers 1, 2, 3 … in time order and the contiguous seq advanced to the last. OFFLINE and QUIET
 * stations hold only what they sent before they fell silent; an OFFLINE station's later check-ins
 * show as its backlog.
 *
 * <p>Loading is once per database ({@link #loadOrTopUp}): when the simulated stations are there
 * already, only the visits of healthy stations since their last stored one are added. Not
 * thread-safe; blocks on the database.
 */
public final class SimulatedDistrictLoader {
    /** Heartbeat interval the simulated stations declare. */
    public static final Duration HEARTBEAT = Duration.ofSeconds(30);

    private final DistrictSimulator sim;
    private final StationStore stations = new StationStore();

    /**
     * What a load or top-up did.
     *
     * @param stations stations written
     * @param visits   visits added
     * @param took     wall time
     */
    public record Result(int stations, long visits, Duration took) {
        /** @return visits added per second of {@link #took} */
        public double visitsPerSecond() {
            return visits / Math.max(1e-9, took.toNanos() / 1e9);
        }
    }

    /** @param sim the district to load */
    public SimulatedDistrictLoader(DistrictSimulator sim) {
        this.sim = sim;
    }

    /**
     * @param c        connection
     * @param district district id
     * @return whether the district already holds simulated stations
     * @throws SQLException when the database fails
     */
    public static boolean present(Connection c, int district) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM station WHERE district_id = ? AND simulated LIMIT 1")) {
            ps.setInt(1, district);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * Loads the simulated district the first time; afterwards adds the visits since the last run.
     *
     * @param c connection (auto-commit restored)
     * @return what was done
     * @throws SQLException when the database fails; nothing of a failed load is committed
     */
    public Result loadOrTopUp(Connection c) throws SQLException {
        return present(c, sim.settings().district()) ? topUp(c, sim.settings().now()) : load(c);
    }

    /**
     * Loads every station and every visit, in one transaction.
     *
     * @param c connection (auto-commit restored)
     * @return what was loaded
     * @throws SQLException when the database fails (e.g. the stations exist already)
     */
    public Result load(Connection c) throws SQLException {
        long t0 = System.nanoTime();
        Instant now = sim.settings().now();
        int district = sim.settings().district();
        return inTransaction(c, () -> {
            VisitCopier copier = new VisitCopier();
            copier.begin(c);
            long[] lastSeq = new long[sim.stations().size()];
            long[] backlog = new long[lastSeq.length];
            long[] gapSeq = new long[lastSeq.length];
            LocalDate gapDay = sim.dates().get(Math.max(0, sim.dates().size() - 10));
            for (SimStation s : sim.stations()) {
                Instant silent = s.silentSince(now);
                long seq = 1;
                for (LocalDate d : sim.dates()) {
                    List<SimVisit> all = sim.visits(s, d);
                    List<SimVisit> sent = all.stream().filter(v -> !v.recordedAt().isAfter(silent)).toList();
                    copier.add(district, s, sent, seq, bootedAt(s), s.clockSynced() || !d.equals(sim.dates().getLast()));
                    if (d.equals(gapDay) && sent.size() >= 8) {
                        gapSeq[s.index()] = seq + sent.size() / 2 - 2;
                    }
                    seq += sent.size();
                    backlog[s.index()] += all.size() - sent.size();
                }
                lastSeq[s.index()] = seq - 1;
            }
            long copied = copier.end();
            for (SimStation s : sim.stations()) {
                writeStation(c, s, now, lastSeq[s.index()], s.health() == Health.OFFLINE ? backlog[s.index()] : 0);
                if (s.index() % 9 == 0 && gapSeq[s.index()] > 0) {
                    resolvedGap(c, s, gapDay, gapSeq[s.index()]);
                }
            }
            return new Result(sim.stations().size(), copied, Duration.ofNanos(System.nanoTime() - t0));
        });
    }

    /**
     * Adds the check-ins of every ONLINE simulated station after its last stored visit, up to
     * {@code now} (at most {@code days} days back), continuing its sequence numbers.
     *
     * @param c   connection (auto-commit restored)
     * @param now the present
     * @return what was added
     * @throws SQLException when the database fails
     */
    public Result topUp(Connection c, Instant now) throws SQLException {
        long t0 = System.nanoTime();
        int district = sim.settings().district();
        return inTransaction(c, () -> {
            // the last stored visit of each healthy station first: no query can run during the COPY
            List<SimStation> online = sim.stations().stream().filter(s -> s.health() == Health.ONLINE).toList();
            long[][] last = new long[online.size()][];
            for (int i = 0; i < last.length; i++) {
                last[i] = lastVisit(c, district, online.get(i).id());
            }
            VisitCopier copier = new VisitCopier();
            copier.begin(c);
            LocalDate today = now.atZone(DistrictSimulator.ZONE).toLocalDate();
            LocalDate first = today.minusDays(sim.settings().days() - 1L);
            long[] lastSeq = new long[last.length];
            for (int i = 0; i < last.length; i++) {
                SimStation s = online.get(i);
                Instant after = Instant.ofEpochMilli(last[i][1]);
                LocalDate from = after.atZone(DistrictSimulator.ZONE).toLocalDate();
                long seq = last[i][0] + 1;
                for (LocalDate d = from.isBefore(first) ? first : from; !d.isAfter(today); d = d.plusDays(1)) {
                    List<SimVisit> fresh = sim.visits(s, d, now).stream().filter(v -> v.recordedAt().isAfter(after)).toList();
                    copier.add(district, s, fresh, seq, bootedAt(s), s.clockSynced());
                    seq += fresh.size();
                }
                lastSeq[i] = seq - 1;
            }
            long copied = copier.end();
            for (int i = 0; i < last.length; i++) {
                raiseContiguousSeq(c, district, online.get(i).id(), lastSeq[i]);
            }
            return new Result(0, copied, Duration.ofNanos(System.nanoTime() - t0));
        });
    }

    /**
     * Sends a fresh heartbeat for every ONLINE simulated station (QUIET and OFFLINE ones stay
     * silent), as if its telemetry had just arrived.
     *
     * @param c   connection
     * @param now the district's clock
     * @throws SQLException when the database fails
     */
    public void heartbeat(Connection c, Instant now) throws SQLException {
        for (SimStation s : sim.stations()) {
            if (s.health() == Health.ONLINE) {
                stations.recordTelemetry(c, telemetry(s, now, 0), now);
            }
        }
    }

    private void writeStation(Connection c, SimStation s, Instant now, long lastSeq, long backlog)
            throws SQLException {
        int district = sim.settings().district();
        Instant silent = s.silentSince(now);
        Instant connected = s.health() == Health.OFFLINE ? bootedAt(s) : silent.minus(Duration.ofHours(3 + s.index() % 20));
        stations.recordStatus(c, new StationStatus(StationStatus.SCHEMA, district, s.id(), StationStatus.State.ONLINE,
                s.appVersion(), connected, null, s.profile(), (int) HEARTBEAT.toSeconds()), connected);
        if (s.health() == Health.OFFLINE) {
            stations.recordStatus(c, new StationStatus(StationStatus.SCHEMA, district, s.id(),
                    StationStatus.State.OFFLINE, s.appVersion(), silent, null), silent);
        }
        Instant beat = s.health() == Health.ONLINE ? now : silent;
        stations.recordTelemetry(c, telemetry(s, beat, s.health() == Health.QUIET ? 2 : backlog), beat);
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE station SET simulated = true, contiguous_seq = ? WHERE district_id = ? AND station_id = ?")) {
            ps.setLong(1, lastSeq);
            ps.setInt(2, district);
            ps.setString(3, s.id());
            ps.executeUpdate();
        }
    }

    /**
     * A gap the day-close reconciliation found and a resend closed: four visits of that day
     * arrived only after the district asked again (the visits are all stored).
     */
    private void resolvedGap(Connection c, SimStation s, LocalDate day, long first) throws SQLException {
        Instant found = day.plusDays(1).atTime(0, 10).atZone(DistrictSimulator.ZONE).toInstant();
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO reconciliation_finding (district_id, station_id, day, kind, first_seq, last_seq, detail,
                                                    found_at, resend_sent_at, resolved_at)
                VALUES (?, ?, ?, 'GAP', ?, ?, ?, ?, ?, ?)""")) {
            ps.setInt(1, sim.settings().district());
            ps.setString(2, s.id());
            ps.setObject(3, day);
            ps.setLong(4, first);
            ps.setLong(5, first + 3);
            ps.setString(6, "visits " + first + ".." + (first + 3) + " (4) declared by the station are missing at the district");
            ps.setTimestamp(7, java.sql.Timestamp.from(found));
            ps.setTimestamp(8, java.sql.Timestamp.from(found));
            ps.setTimestamp(9, java.sql.Timestamp.from(found.plus(Duration.ofMinutes(4))));
            ps.executeUpdate();
        }
    }

    /** A heartbeat as the station would send it: room temperature, PIR entries (about 1.3 per visit). */
    private Telemetry telemetry(SimStation s, Instant at, long queue) {
        double hourAngle = (at.getEpochSecond() % 86_400) / 86_400.0 * 2 * Math.PI;
        double temperature = Math.round((19.5 + (s.index() % 5) * 0.6 + 1.5 * Math.sin(hourAngle)) * 10) / 10.0;
        LocalDate today = at.atZone(DistrictSimulator.ZONE).toLocalDate();
        List<SimVisit> visits = sim.visits(s, today, at);
        long lastHour = visits.stream().filter(v -> v.recordedAt().isAfter(at.minus(Duration.ofHours(1)))).count();
        return new Telemetry(Telemetry.SCHEMA, sim.settings().district(), s.id(), at, s.appVersion(),
                Math.max(0, Duration.between(bootedAt(s), at).toSeconds()), queue,
                queue > 0 ? Duration.between(s.silentSince(sim.settings().now()), at).toSeconds() : null, 0,
                9_000_000_000L + s.index() * 37_000_000L, false, s.clockSynced(), temperature, 0,
                Math.round(visits.size() * 1.3), Math.round(lastHour * 1.3));
    }

    /** The station's software started at 04:00 local on the first simulated day (minutes apart by index). */
    private Instant bootedAt(SimStation s) {
        return sim.dates().getFirst().atTime(4, 0).atZone(DistrictSimulator.ZONE).toInstant()
                .plus(Duration.ofMinutes(s.index() % 60));
    }

    private static long[] lastVisit(Connection c, int district, String station) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT coalesce(max(seq), 0), coalesce(max(recorded_at), 'epoch') FROM visit
                 WHERE district_id = ? AND station_id = ?""")) {
            ps.setInt(1, district);
            ps.setString(2, station);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getTimestamp(2).getTime()};
            }
        }
    }

    private static void raiseContiguousSeq(Connection c, int district, String station, long seq) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE station SET contiguous_seq = GREATEST(contiguous_seq, ?) WHERE district_id = ? AND station_id = ?")) {
            ps.setLong(1, seq);
            ps.setInt(2, district);
            ps.setString(3, station);
            ps.executeUpdate();
        }
    }

    private interface Work {
        Result run() throws SQLException;
    }

    private static Result inTransaction(Connection c, Work work) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            Result r = work.run();
            c.commit();
            return r;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }
}
