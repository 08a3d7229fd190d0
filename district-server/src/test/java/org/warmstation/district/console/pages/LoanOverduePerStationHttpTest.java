package org.warmstation.district.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.console.testing.ConsoleHttp;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.loan.LoanBook;
import org.warmstation.district.settings.SettingsService;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.WireLoan;

/**
 * Decision 0221: the loans page counts a loan overdue after its station's own
 * {@code loanOverdueDays} — of the newest settings document the station applied — and after 3
 * days where it has none. Three stations each lent loans 2, 4 and 6 days ago: one applied 5 days
 * (and was sent 1 day since, not yet applied), one applied 1 day, one has no setting. Over HTTP.
 */
class LoanOverduePerStationHttpTest {
    private static final Instant NOW = Instant.now();

    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension().withSetup(LoanOverduePerStationHttpTest::seed);

    static void seed(DistrictDatabase db) throws Exception {
        LoanBook book = new LoanBook();
        int d = ConsoleExtension.DISTRICT;
        try (Connection c = db.connection(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO station (district_id, station_id, name) VALUES "
                    + "(110105, 'st-a', '东大桥驿站'), (110105, 'st-b', '呼家楼驿站'), (110105, 'st-c', '团结湖驿站')");
            for (String station : List.of("st-a", "st-b", "st-c")) {
                for (int days : new int[] {2, 4, 6}) {
                    book.lent(c, d, station, new WireLoan("LENT", UUID.randomUUID(), "UMBRELLA",
                            String.format("%016x", 0xc0 + days), NOW.minus(Duration.ofDays(days))));
                }
            }
        }
        SettingsService settings = new SettingsService(db, d, Clock.fixed(NOW, ZoneOffset.UTC));
        settings.send("st-a", overdueAfter(5), "test");
        applied(db, "st-a", 1);
        settings.send("st-a", overdueAfter(1), "test"); // queued, the station has not applied it
        settings.send("st-b", overdueAfter(1), "test");
        applied(db, "st-b", 1);
    }

    private static StationSettings overdueAfter(int days) {
        return new StationSettings(0, StationSettings.SERVICES, null, null, null, null, null, days, null);
    }

    /** The station's ack of a settings version, as the district stores it. */
    private static void applied(DistrictDatabase db, String station, int version) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE downlink SET outcome = 'APPLIED', acked_at = now() WHERE command_id =
                  (SELECT command_id FROM station_settings WHERE station_id = ? AND version = ?)""")) {
            ps.setString(1, station);
            ps.setInt(2, version);
            assertEquals(1, ps.executeUpdate());
        }
    }

    private static String cell(String page, String station, String css) {
        Matcher m = Pattern.compile("<tr id=\"loans-" + station + "\">.*?class=\"num " + css + "[^\"]*\">(\\d+)</td>",
                Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "no " + css + " of " + station + " in " + page);
        return m.group(1);
    }

    @Test
    void overdueFollowsEachStationsAppliedSetting() throws Exception {
        console.clock().set(NOW);
        ConsoleHttp analyst = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        String page = analyst.get("/loans?lang=en").body();
        assertEquals("1", cell(page, "st-a", "loans-overdue"), "5 days applied: only the 6-day loan");
        assertEquals("5", cell(page, "st-a", "loans-overdue-days"));
        assertEquals("3", cell(page, "st-b", "loans-overdue"), "1 day applied: all three");
        assertEquals("1", cell(page, "st-b", "loans-overdue-days"));
        assertEquals("2", cell(page, "st-c", "loans-overdue"), "no setting: the default 3 days");
        assertEquals("3", cell(page, "st-c", "loans-overdue-days"));
        assertTrue(page.contains("Overdue after (days: the station") && page.contains("s setting, else 3)"), "header names the default");
        String csv = analyst.get("/loans/loans.csv").body();
        assertTrue(csv.contains("st-a,东大桥驿站,3,1,0,0") && csv.contains("st-b,呼家楼驿站,3,3,0,0"), csv);
    }
}
