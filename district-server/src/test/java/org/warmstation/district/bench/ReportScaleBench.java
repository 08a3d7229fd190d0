package org.warmstation.district.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.fleet.FleetQuery;
import org.warmstation.district.fleet.FleetSettings;
import org.warmstation.district.report.OverviewQueries;
import org.warmstation.district.report.ReportPeriod;
import org.warmstation.district.report.ReportQueries;
import org.warmstation.district.report.ReportTable;
import org.warmstation.district.report.Suppression;

/**
 * Benchmark (not a test): the console's overview and a month report over a large district in the
 * embedded PostgreSQL. Bulk-loads visits with {@code generate_series}, one INSERT per day (so the
 * rollup triggers run as they do for stored batches, only bigger), then prints p50/p95 of each query.
 *
 * <p>System properties: {@code bench.stations} (default 130), {@code bench.days} (default 30),
 * {@code bench.perDay} visits per station and day (default 30), {@code bench.runs} (default 15).
 * The full size: {@code -Dbench.stations=1300 -Dbench.days=90} (3.5 million visits).
 * Run after {@code mvn -pl district-server -am test-compile} with the test classpath, e.g.
 * {@code java -Dbench.stations=1300 -Dbench.days=90 -cp "$(cat cp.txt):district-server/target/test-classes:district-server/target/classes" org.warmstation.district.bench.ReportScaleBench}
 * ({@code cp.txt} from {@code mvn -pl district-server dependency:build-classpath -Dmdep.outputFile=cp.txt}).
 * Prints {@code [figures] ...} lines.
 */
public final class ReportScaleBench {
    private static final String LOAD_DAY = """
            INSERT INTO visit (visit_uuid, district_id, station_id, seq, revision, recorded_at, zone, local_date,
                               local_hour, member_id, card_serial, category, services, source, clock_synced)
            SELECT gen_random_uuid(), 110105, 'st-' || lpad(s::text, 4, '0'), ?::int * ? + i + 1, 1,
                   (?::date + make_interval(hours => hr, mins => mi)) AT TIME ZONE 'Asia/Shanghai', 'Asia/Shanghai',
                   ?::date, hr, CASE WHEN guest THEN NULL ELSE lpad(to_hex(m), 16, '0') END,
                   CASE WHEN guest THEN 0 ELSE m END,
                   (ARRAY['COURIER','FOOD_DELIVERY','SANITATION','TAXI','RIDE_HAILING','TRAFFIC_POLICE',
                          'PARKING','SECURITY'])[1 + m % 8],
                   (ARRAY['HOT_WATER','HEAT_MEAL','TOILET','REST','WARM_UP','CHARGING','OTHER'])
                       [1 + (m + i) % 7:1 + (m + i) % 7 + i % 2],
                   CASE WHEN guest THEN 'GUEST' ELSE 'CARD' END, true
              FROM (SELECT s, i, random() < 0.2 AS guest,
                           CASE WHEN random() < 0.85 THEN s * 30 + (random() * 29)::int
                                ELSE (random() * (? * 30 - 1))::int END AS m,
                           6 + (random() * 15)::int AS hr, (random() * 59)::int AS mi
                      FROM generate_series(0, ? - 1) AS s, generate_series(0, ? - 1) AS i) AS r""";

    private ReportScaleBench() {
    }

    /**
     * @param args none (see the system properties)
     * @throws Exception when the database cannot start
     */
    public static void main(String[] args) throws Exception {
        int stations = Integer.getInteger("bench.stations", 130);
        int days = Integer.getInteger("bench.days", 30);
        int perDay = Integer.getInteger("bench.perDay", 30);
        int runs = Integer.getInteger("bench.runs", 15);
        Path dir = System.getProperty("bench.dir") != null ? Path.of(System.getProperty("bench.dir"))
                : Files.createTempDirectory("report-bench");
        LocalDate first = LocalDate.of(2026, 9, 1);
        LocalDate last = first.plusDays(days - 1L);
        try (DistrictDatabase db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
             Connection c = db.connection()) {
            long t0 = System.nanoTime();
            boolean loaded = scalar(c, "SELECT count(*) FROM visit") > 0; // a kept bench.dir: measure again
            try (Statement st = loaded ? null : c.createStatement()) {
                if (st != null) {
                    st.execute("INSERT INTO station (district_id, station_id, status, state_since, last_message_at) SELECT 110105, 'st-' || lpad(s::text, 4, '0'), "
                        + "CASE WHEN s % 10 = 0 THEN 'OFFLINE' ELSE 'ONLINE' END, now(), now() FROM generate_series(0, " + (stations - 1) + ") s");
                }
            }
            try (PreparedStatement ps = c.prepareStatement(LOAD_DAY)) {
                for (int d = 0; d < (loaded ? 0 : days); d++) {
                    LocalDate day = first.plusDays(d);
                    ps.setInt(1, d);
                    ps.setInt(2, perDay);
                    ps.setObject(3, day);
                    ps.setObject(4, day);
                    ps.setInt(5, stations);
                    ps.setInt(6, stations);
                    ps.setInt(7, perDay);
                    ps.executeUpdate();
                }
            }
            double load = (System.nanoTime() - t0) / 1e9;
            if (!loaded) {
                try (Statement st = c.createStatement()) {
                    st.execute("VACUUM ANALYZE");
                }
            }
            long visits = scalar(c, "SELECT count(*) FROM visit");
            System.out.printf("[figures] %d stations x %d days = %,d visits (loaded with the rollup triggers in %.1f s)%n",
                    stations, days, visits, load);
            System.out.printf("[figures] rollup rows: station x category %,d, station x hour %,d, station x service %,d, "
                            + "station x member %,d%n", scalar(c, "SELECT count(*) FROM report_month_cell"),
                    scalar(c, "SELECT count(*) FROM report_month_hour"), scalar(c, "SELECT count(*) FROM report_month_service"),
                    scalar(c, "SELECT count(*) FROM report_month_member"));

            ReportQueries reports = new ReportQueries();
            OverviewQueries overview = new OverviewQueries();
            Suppression k5 = Suppression.standard();
            LocalDate monthStart = first; // September: whole in every run of 30 days or more
            ReportPeriod month = new ReportPeriod(monthStart, monthStart.plusMonths(1).minusDays(1));
            ReportPeriod partial = new ReportPeriod(monthStart.plusDays(9), monthStart.plusDays(38));
            try (Statement st = c.createStatement()) {
                st.execute("SET max_parallel_workers_per_gather = 0");
            }
            time("overview (today live + same weekday last week + stations online)", runs, c,
                    () -> overview.overview(c, last, last.atTime(12, 0).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
            time("month report " + month + " (rollups) + suppression", runs, c,
                    () -> ReportTable.of(reports.report(c, month), k5));
            time("30-day report " + partial + " across two partial months + suppression", Math.max(3, runs / 3), c,
                    () -> ReportTable.of(reports.report(c, partial), k5));
            time("month report " + month + " from the visit table alone (--no-rollups)", 3, c,
                    () -> reports.reportFromVisits(c, month));
            FleetQuery fleet = new FleetQuery(FleetSettings.DEFAULTS);
            java.time.Instant noon = last.atTime(12, 0).atZone(FleetSettings.DEFAULTS.zone()).toInstant();
            time("station state query (stations page and map, /api/stations, polled every 2 s)", runs, c,
                    () -> fleet.stations(c, noon));
            long r0 = System.nanoTime();
            try (Statement st = c.createStatement()) {
                st.execute("SELECT report_rollup_rebuild()");
            }
            System.out.printf("[figures] report_rollup_rebuild() over %,d visits: %.1f s%n", visits,
                    (System.nanoTime() - r0) / 1e9);
        } finally {
            if (System.getProperty("bench.dir") == null) {
                try (java.util.stream.Stream<Path> files = Files.walk(dir)) { // a temporary directory: remove it
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
                }
            }
        }
    }

    @FunctionalInterface
    private interface Work {
        Object run() throws Exception;
    }

    /**
     * Prints wall-clock and server CPU percentiles. Server CPU = the PostgreSQL backend's user+system
     * time ({@code /proc/PID/stat}, 10 ms ticks; parallel workers are off in this session so the
     * backend does all the work) plus this thread's CPU (assembling, suppressing): what the query
     * costs the server, independent of how many other processes share the two cores.
     */
    private static void time(String what, int runs, Connection c, Work work) throws Exception {
        long pid = scalar(c, "SELECT pg_backend_pid()");
        for (int w = runs >= 10 ? 3 : 1; w > 0; w--) {
            work.run(); // warm-up: plans, caches, the JIT (a console server runs for days)
        }
        double[] ms = new double[runs];
        double[] cpu = new double[runs];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long ticks = backendTicks(pid);
            long thread = threads.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (backendTicks(pid) - ticks) * 10.0 + (threads.getCurrentThreadCpuTime() - thread) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf("[figures] %s: server CPU p50 %.0f ms, p95 %.0f ms; wall p50 %.0f ms, p95 %.0f ms (%d runs, "
                        + "load average %.1f)%n", what, pct(cpu, 0.5), pct(cpu, 0.95), pct(ms, 0.5), pct(ms, 0.95), runs,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    private static double pct(double[] sorted, double p) {
        return sorted[(int) Math.ceil(p * (sorted.length - 1))];
    }

    private static long backendTicks(long pid) throws java.io.IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
    }

    private static long scalar(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
