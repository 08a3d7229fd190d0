package org.warmstation.district.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.db.VisitStore;
import org.warmstation.district.report.ReportTable.Shown;
import org.warmstation.district.report.VisitReport.Dimension;
import org.warmstation.district.report.VisitReport.Row;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.WireVisit;

/** Reports from the month rollups against the same reports from the visit table, on a real PostgreSQL. */
class ReportQueriesTest {
    @TempDir
    static Path dir;
    private static DistrictDatabase db;
    private static ReportData data;
    private final ReportQueries queries = new ReportQueries();

    @BeforeAll
    static void fill() throws Exception {
        db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
        data = ReportData.generate(7, 5, LocalDate.of(2026, 10, 20), 25);
        try (Connection c = db.connection()) {
            data.store(c);
        }
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void rollupsGiveTheSameReportAsTheVisitTableForMonthsAndPartialRanges() throws Exception {
        try (Connection c = db.connection()) {
            for (ReportPeriod p : List.of(ReportPeriod.parse("2026-11", null), ReportPeriod.parse("2026-10", "2026-11"),
                    ReportPeriod.parse("2026-10-28", "2026-11-05"), ReportPeriod.parse("2026-11-03", null),
                    ReportPeriod.parse("2026-09-15", "2026-11-30"))) {
                VisitReport fromRollups = queries.report(c, p);
                assertEquals(queries.reportFromVisits(c, p), fromRollups, p.toString());
                assertTrue(fromRollups.total().visits() > 0, p.toString());
            }
        }
    }

    @Test
    void reportCountsEachVisitOnceInTotalsAndUnderEachOfItsServices() throws Exception {
        try (Connection c = db.connection()) {
            VisitReport r = queries.report(c, ReportPeriod.parse("2026-11", null));
            List<WireVisit> nov = data.visits().values().stream().flatMap(List::stream)
                    .filter(v -> v.recordedAt().isAfter(Instant.parse("2026-10-31T16:00:00Z"))).toList();
            assertEquals(nov.size(), r.total().visits());
            assertEquals(nov.stream().filter(v -> v.memberId() == null).count(), r.rows().get(1).count().visits());
            assertEquals(nov.stream().map(WireVisit::memberId).filter(m -> m != null).distinct().count(), r.total().members());
            for (Dimension d : List.of(Dimension.STATION, Dimension.CATEGORY, Dimension.HOUR)) {
                assertEquals(r.total().visits(), r.rows(d).stream().mapToLong(x -> x.count().visits()).sum(), d.name());
            }
            long serviceUses = nov.stream().mapToLong(v -> v.services().size()).sum();
            assertEquals(serviceUses, r.rows(Dimension.SERVICE).stream().mapToLong(x -> x.count().visits()).sum());
            assertTrue(serviceUses > r.total().visits(), "visits with several services");
            for (Row station : r.rows(Dimension.STATION)) {
                long cats = r.rows(Dimension.STATION_CATEGORY).stream().filter(x -> x.key().equals(station.key()))
                        .mapToLong(x -> x.count().visits()).sum();
                assertEquals(station.count().visits(), cats, station.key());
            }
        }
    }

    @Test
    void revisedServicesAndNewVisitsKeepTheRollupsExact() throws Exception {
        ReportPeriod nov = ReportPeriod.parse("2026-11", null);
        try (Connection c = db.connection()) {
            VisitReport before = queries.report(c, nov);
            List<WireVisit> st1 = data.visits().get("st-01");
            List<WireVisit> revised = new ArrayList<>();
            for (WireVisit v : st1.subList(st1.size() - 20, st1.size())) {
                revised.add(new WireVisit(v.uuid(), v.seq(), 2, v.recordedAt(), v.zone(), v.memberId(), v.cardSerial(),
                        v.category(), List.of("OTHER"), v.source(), v.clockSynced(), v.sinceBootMs()));
            }
            WireVisit late = new WireVisit(java.util.UUID.randomUUID(), st1.size() + 1L, 1,
                    Instant.parse("2026-11-13T02:00:00Z"), "Asia/Shanghai", "00000000000fffff", 9, "TAXI",
                    List.of("REST"), "CARD", true, 1);
            revised.add(late);
            new VisitStore().store(c, VisitBatch.of(ReportData.DISTRICT, "st-01", Instant.now(), revised));
            VisitReport after = queries.report(c, nov);
            assertEquals(queries.reportFromVisits(c, nov), after);
            assertEquals(before.total().visits() + 1, after.total().visits());
            assertEquals(20, after.rows(Dimension.SERVICE).stream().filter(x -> x.key().equals("OTHER"))
                    .findFirst().orElseThrow().count().visits());
            assertNotEquals(before.rows(Dimension.SERVICE), after.rows(Dimension.SERVICE));
        }
    }

    @Test
    void suppressedCellsCannotBeRecoveredFromTheTotalsShownBesideThem() throws Exception {
        try (Connection c = db.connection()) {
            VisitReport r = queries.report(c, ReportPeriod.parse("2026-10-20", "2026-11-13"));
            ReportTable t = ReportTable.of(r, Suppression.standard());
            assertTrue(t.lines().stream().anyMatch(Shown::suppressed), "the quiet station's cells are small");
            assertTrue(t.lines().stream().anyMatch(l -> !l.suppressed()), "the busy station's cells are shown");
            for (int i = 0; i < r.rows().size(); i++) {
                if (Suppression.standard().primary(r.rows().get(i).count())) {
                    assertEquals("<5", t.lines().get(i).visits());
                    assertEquals("<5", t.lines().get(i).members());
                }
            }
            attack(t, Dimension.TOTAL, "", Dimension.STATION, l -> true);
            attack(t, Dimension.TOTAL, "", Dimension.CATEGORY, l -> true);
            attack(t, Dimension.TOTAL, "", Dimension.HOUR, l -> true);
            for (Shown s : t.lines(Dimension.STATION)) {
                attack(t, Dimension.STATION, s.key(), Dimension.STATION_CATEGORY, l -> l.key().equals(s.key()));
            }
            for (Shown s : t.lines(Dimension.CATEGORY)) {
                attack(t, Dimension.CATEGORY, s.key(), Dimension.STATION_CATEGORY, l -> l.key2().equals(s.key()));
            }
            for (Shown s : t.lines(Dimension.SERVICE)) {
                attack(t, Dimension.SERVICE, s.key(), Dimension.STATION_SERVICE, l -> l.key2().equals(s.key()));
            }
        }
    }

    /** What an analyst can do with the shown table alone: the total minus the visible parts. */
    private static void attack(ReportTable t, Dimension totalDim, String totalKey, Dimension partDim,
                               java.util.function.Predicate<Shown> inLine) {
        Shown total = t.lines(totalDim).stream().filter(l -> totalDim == Dimension.TOTAL || l.key().equals(totalKey))
                .findFirst().orElseThrow();
        List<Shown> parts = t.lines(partDim).stream().filter(inLine).toList();
        long hidden = parts.stream().filter(Shown::suppressed).count();
        if (total.suppressed()) {
            assertTrue(hidden > 0, "hidden total " + totalDim + " " + totalKey + " is the sum of visible parts");
            return;
        }
        long residual = Long.parseLong(total.visits())
                - parts.stream().filter(l -> !l.suppressed()).mapToLong(l -> Long.parseLong(l.visits())).sum();
        assertFalse(hidden == 1, "total minus visible parts reveals the one hidden " + partDim + " under "
                + totalKey + ": " + residual);
        assertTrue(hidden == 0 || residual > hidden, "residual " + residual + " over " + hidden + " hidden cells");
    }
}
