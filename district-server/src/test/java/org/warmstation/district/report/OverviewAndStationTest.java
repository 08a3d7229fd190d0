package org.warmstation.district.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.report.OverviewQueries.Overview;
import org.warmstation.district.report.StationDetailQueries.Detail;
import org.warmstation.district.report.VisitReport.Dimension;
import org.warmstation.district.report.VisitReport.Row;

/** The overview's day figures and a station's detail, against the report of the same days. */
class OverviewAndStationTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);
    @TempDir
    static Path dir;
    private static DistrictDatabase db;

    @BeforeAll
    static void fill() throws Exception {
        db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            ReportData.generate(3, 4, TODAY.minusDays(40), 41).store(c);
            st.execute("UPDATE station SET status = 'ONLINE', state_since = now(), last_message_at = now() "
                    + "WHERE station_id IN ('st-00', 'st-01', 'st-02')");
            st.execute("UPDATE station SET status = 'ONLINE', state_since = now() - interval '1 hour', "
                    + "last_message_at = now() - interval '1 hour' WHERE station_id = 'st-02'"); // quiet
            st.execute("INSERT INTO reconciliation_finding (district_id, station_id, day, kind, first_seq, last_seq, detail) "
                    + "VALUES (110105, 'st-01', '2026-11-18', 'GAP', 40, 44, 'visits 40..44 missing')");
        }
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void overviewDayEqualsTheReportOfThatDay() throws Exception {
        try (Connection c = db.connection()) {
            Overview o = new OverviewQueries().overview(c, TODAY, java.time.Instant.now());
            assertEquals(2, o.stationsOnline());
            assertEquals(4, o.stationsKnown());
            for (VisitReport day : List.of(o.today(), o.sameDayLastWeek())) {
                VisitReport report = new ReportQueries().report(c, new ReportPeriod(day.from(), day.to()));
                assertEquals(report.total(), day.total());
                assertTrue(day.total().visits() > 0);
                for (Dimension d : List.of(Dimension.CATEGORY, Dimension.SERVICE, Dimension.HOUR)) {
                    List<Row> nonZero = day.rows(d).stream().filter(r -> r.count().visits() > 0).toList();
                    assertEquals(report.rows(d), nonZero, d.name());
                }
                assertEquals(24, day.rows(Dimension.HOUR).size());
            }
            assertEquals(TODAY.minusDays(7), o.sameDayLastWeek().from());
        }
    }

    @Test
    void stationDetailAddsUpToTheStationsReportAndListsItsFindings() throws Exception {
        try (Connection c = db.connection()) {
            Suppression k3 = new Suppression(3);
            Detail d = new StationDetailQueries().detail(c, "st-00", TODAY, k3).orElseThrow();
            VisitReport report = new ReportQueries().report(c, new ReportPeriod(TODAY.minusDays(29), TODAY));
            Row station = report.rows(Dimension.STATION).stream().filter(r -> r.key().equals("st-00")).findFirst()
                    .orElseThrow();
            assertEquals(Long.toString(station.count().visits()), d.total().text());
            assertEquals(Long.toString(station.count().members()), d.members().text());
            assertEquals(30, d.days().size());
            assertEquals(station.count().visits(), d.days().stream().mapToLong(StationDetailQueries.Shown::visits).sum(),
                    "the busy station has no hidden day");
            assertEquals(station.count().visits(), Arrays.stream(d.heat()).flatMap(Arrays::stream)
                    .filter(s -> !s.suppressed()).mapToLong(StationDetailQueries.Shown::visits).sum()
                    + hiddenHeat(c, d), "heat map cells add up to the total");
            assertTrue(new StationDetailQueries().detail(c, "st-01", TODAY, k3).orElseThrow().findings().stream()
                    .anyMatch(f -> f.kind().equals("GAP") && f.firstSeq() == 40 && f.lastSeq() == 44));
            assertTrue(new StationDetailQueries().detail(c, "no-such-station", TODAY, k3).isEmpty());
        }
    }

    @Test
    void quietStationsDaysAreSuppressedAndNeverRecoverableFromTheTotal() throws Exception {
        try (Connection c = db.connection()) {
            Detail d = new StationDetailQueries().detail(c, "st-03", TODAY, Suppression.standard()).orElseThrow();
            long hidden = d.days().stream().filter(StationDetailQueries.Shown::suppressed).count();
            assertTrue(hidden >= 2, "one visit a day: each day is <5, " + hidden);
            assertTrue(d.days().stream().filter(StationDetailQueries.Shown::suppressed)
                    .allMatch(s -> s.text().equals("<5")));
        }
    }

    /** The heat map's hidden cells' visits, from the visit table (what the page must not show). */
    private static long hiddenHeat(Connection c, Detail d) throws Exception {
        long sum = 0;
        for (int w = 0; w < 7; w++) {
            for (int h = 0; h < 24; h++) {
                if (d.heat()[w][h].suppressed()) {
                    try (Statement st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM visit "
                            + "WHERE station_id = 'st-00' AND local_date BETWEEN '" + d.from() + "' AND '" + d.to()
                            + "' AND extract(isodow FROM local_date) = " + (w + 1) + " AND local_hour = " + h)) {
                        rs.next();
                        sum += rs.getLong(1);
                    }
                }
            }
        }
        return sum;
    }
}
