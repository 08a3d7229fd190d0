package org.warmstation.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.settings.StationFixture;
import org.warmstation.district.testing.CliRun;
import org.warmstation.district.testing.DistrictDatabaseExtension;
import org.warmstation.protocol.card.StaffPin;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.Wire;

/** {@code district-server station settings}: checked in full before queuing, the PIN typed twice on standard input. */
class StationCommandTest {
    @TempDir
    static Path dir;
    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension();

    @BeforeAll
    static void bornStation() throws Exception {
        try (DistrictService s = new DistrictService(DB.database(), StationFixture.DISTRICT, (t, p) -> { },
                new DistrictService.LedgerSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), Optional.empty()),
                Clock.systemUTC())) {
            StationFixture.born(s, "CY-0042", "三里屯驿站", 39.93, 116.45, "", Instant.now());
        }
    }

    private static CliRun run(String stdin, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--jdbc-url", DB.database().url(), "--district", String.valueOf(StationFixture.DISTRICT), "--by=tester"));
        return CliRun.run(stdin, all.toArray(String[]::new));
    }

    private static DownlinkCommand lastQueued() throws Exception {
        try (var c = DB.database().connection(); var st = c.createStatement(); var rs = st.executeQuery(
                "SELECT command FROM downlink WHERE kind = 'SETTINGS' ORDER BY id DESC LIMIT 1")) {
            return rs.next() ? Wire.decode(rs.getBytes(1), DownlinkCommand.class) : null;
        }
    }

    @Test
    void invalidHourOrUnknownServiceIsRefusedBeforeAnythingIsQueued() throws Exception {
        DownlinkCommand before = lastQueued();
        CliRun r = run("", "station", "settings", "CY-0042", "--hours", "MON-FRI 07:00-24:30");
        assertEquals(1, r.exit(), r.out());
        assertTrue(r.err().contains("opening hours: opening span '07:00-24:30'"), r.err());
        r = run("", "station", "settings", "CY-0042", "--services", "HOT_WATER,SAUNA");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("unknown service 'SAUNA'"), r.err());
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"duplicateWindowSeconds\":600,\"enabledServices\":[\"HOT_WATER\"],"
                + "\"hours\":{\"weekly\":{\"MONDAY\":[\"7:00-22:00\"]}}}");
        r = run("", "station", "settings", "CY-0042", "--file", file.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("bad.json: ") && r.err().contains("'7:00-22:00'"), r.err());
        DownlinkCommand after = lastQueued();
        assertEquals(before == null ? null : before.id(), after == null ? null : after.id(), "nothing queued");
    }

    @Test
    void fileThenOptionsThenPinAreQueuedAsOneDocumentAndShown() throws Exception {
        Path file = dir.resolve("settings.json");
        Files.writeString(file, "{\"duplicateWindowSeconds\":600,\"enabledServices\":[\"HOT_WATER\",\"TOILET\"],"
                + "\"hours\":{\"weekly\":{\"MONDAY\":[\"07:00-22:00\"],\"TUESDAY\":[\"07:00-22:00\"]}},"
                + "\"coldAlertCelsius\":5}");
        CliRun r = run("246810\n246810\n", "station", "settings", "CY-0042", "--file", file.toString(),
                "--closed", "2026-12-25", "--special", "2026-12-31=07:00-18:00", "--reset-pin");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("settings v"), r.out());
        DownlinkCommand cmd = lastQueued();
        var s = cmd.settings();
        assertEquals(List.of("HOT_WATER", "TOILET"), s.enabledServices());
        assertEquals(600, s.duplicateWindowSeconds());
        assertEquals(5.0, s.coldAlertCelsius());
        assertEquals(2, s.hours().exceptions().size());
        assertTrue(StaffPin.parse(s.staffPin()).matches("246810".toCharArray()));

        CliRun show = run("", "station", "settings", "CY-0042", "--show");
        assertEquals(0, show.exit(), show.err());
        assertTrue(show.out().contains(" QUEUED") && show.out().contains("by cli:tester (staff PIN reset)")
                && show.out().contains("2026-12-25 closed"), show.out());
    }

    @Test
    void loanSupplyRatingAndVoiceFlagsAreQueuedAndOmittedOnesKeepThePreviousValues() throws Exception {
        CliRun r = run("", "station", "settings", "CY-0042", "--loan-overdue-days", "7", "--guest-loans", "yes",
                "--ratings", "no", "--supplies", "GLOVES 8 2; MASKS 50 0", "--voice", "no", "--voice-volume", "35",
                "--voice-quiet-hours", "22:00-06:30");
        assertEquals(0, r.exit(), r.err());
        var first = lastQueued().settings();
        assertEquals(7, first.loanOverdueDays());
        assertEquals(true, first.guestLoansAllowed());
        assertEquals(false, first.supplies().ratingsEnabled());
        assertEquals(List.of("GLOVES", "MASKS"), first.supplies().items().stream().map(i -> i.code()).toList());
        assertEquals(50, first.supplies().item("MASKS").orElseThrow().lowAt());
        assertEquals(false, first.voiceEnabled());
        assertEquals(35, first.voiceVolumePercent());
        assertEquals("22:00-06:30", first.voiceQuietHours());

        r = run("", "station", "settings", "CY-0042", "--voice-volume", "");
        assertEquals(0, r.exit(), r.err());
        var second = lastQueued().settings();
        assertEquals(null, second.voiceVolumePercent(), "'' gives the volume back to the station");
        assertEquals(7, second.loanOverdueDays(), "omitted: kept");
        assertEquals(first.supplies(), second.supplies());
        assertEquals("22:00-06:30", second.voiceQuietHours());

        CliRun show = run("", "station", "settings", "CY-0042", "--show");
        assertTrue(show.out().contains("loans: overdue after 7 days, guests yes")
                && show.out().contains("supplies: GLOVES 8 2; MASKS 50 0")
                && show.out().contains("voice: no, volume station's own, quiet hours 22:00-06:30"), show.out());
    }

    @Test
    void invalidOperationsFlagsAreRefusedBeforeAnythingIsQueued() throws Exception {
        DownlinkCommand before = lastQueued();
        CliRun r = run("", "station", "settings", "CY-0042", "--supplies", "SOCKS 1 1");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("supplies line 1 'SOCKS 1 1': unknown item SOCKS"), r.err());
        r = run("", "station", "settings", "CY-0042", "--voice-quiet-hours", "night");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("voice quiet hours: 'night' is not HH:mm-HH:mm"), r.err());
        r = run("", "station", "settings", "CY-0042", "--loan-overdue-days", "61");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("loan overdue days: 61 is outside 1..60"), r.err());
        DownlinkCommand after = lastQueued();
        assertEquals(before == null ? null : before.id(), after == null ? null : after.id(), "nothing queued");
    }

    @Test
    void differingPinsSendNothing() throws Exception {
        DownlinkCommand before = lastQueued();
        CliRun r = run("135790\n1358\n", "station", "settings", "CY-0042", "--reset-pin");
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("the two PINs differ"), r.err());
        DownlinkCommand after = lastQueued();
        assertEquals(before == null ? null : before.id(), after == null ? null : after.id());
    }

    @Test
    void fourDigitPinIsRefusedWithTheRuleAndSendsNothing() throws Exception {
        DownlinkCommand before = lastQueued();
        CliRun r = run("2468\n2468\n", "station", "settings", "CY-0042", "--reset-pin");
        assertTrue(r.exit() != 0, r.out() + r.err());
        assertTrue(r.err().contains("a staff PIN has 6 to 12 digits, found 4"), r.err());
        DownlinkCommand after = lastQueued();
        assertEquals(before == null ? null : before.id(), after == null ? null : after.id(), "nothing queued");
    }
}
