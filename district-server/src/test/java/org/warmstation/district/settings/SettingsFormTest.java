package org.warmstation.district.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.wire.OpeningHours;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.SupplyItem;
import org.warmstation.protocol.wire.SupplySettings;

class SettingsFormTest {
    @Test
    void weeklyHoursAreWrittenWithRunsOfEqualDaysAndReadBack() {
        String text = "MON-FRI 07:00-22:00; SAT 09:00-12:00,13:00-17:00; SUN 09:00-12:00,13:00-17:00";
        var hours = OpeningHours.parse(text);
        assertEquals("MON-FRI 07:00-22:00; SAT-SUN 09:00-12:00,13:00-17:00", HoursText.weekly(hours));
        assertEquals(hours, OpeningHours.parse(HoursText.weekly(hours)));
        assertEquals("MON 08:00-20:00; WED 08:00-20:00", HoursText.weekly(OpeningHours.parse("MON,WED 08:00-20:00")));
    }

    @Test
    void aDocumentShownInTheFormReadsBackToTheSameDocument() {
        var form = new SettingsForm("MON-SAT 07:00-22:00", "2026-12-25 closed # 检修\n2026-12-31 07:00-18:00\n",
                "HOT_WATER TOILET", "10", "4.5", "寒潮预警", "", "");
        var settings = form.toSettings();
        assertEquals(settings, SettingsForm.of(settings).toSettings());
        assertEquals(600, settings.duplicateWindowSeconds());
    }

    private static SettingsForm ops(String overdue, String guests, String ratings, String supplies, String voice,
                                    String volume, String quiet) {
        return new SettingsForm("", "", "HOT_WATER", "", "", "", "", "", overdue, guests, ratings, supplies, voice,
                volume, quiet);
    }

    @Test
    void loanSupplyRatingAndVoiceFieldsAreParsedAndShownAgain() {
        var s = ops("5", "yes", "no", "gloves 8 2\n# hats later\n\nHAND_WARMERS 30 0", "no", " 40 ", "12:00-13:30, 22:00-07:00")
                .toSettings();
        assertEquals(5, s.loanOverdueDays());
        assertEquals(true, s.guestLoansAllowed());
        SupplySettings supplies = s.supplySettings().orElseThrow();
        assertEquals(false, supplies.ratingsEnabled());
        assertEquals(List.of("GLOVES", "HAND_WARMERS"), supplies.items().stream().map(SupplyItem::code).toList());
        SupplyItem gloves = supplies.item("GLOVES").orElseThrow();
        assertEquals(8, gloves.lowAt());
        assertEquals(2, gloves.perMemberLimit());
        assertEquals("手套", gloves.nameZh(), "names and units come from the known item");
        assertEquals(false, s.voiceEnabled());
        assertEquals(40, s.voiceVolumePercent());
        assertEquals("12:00-13:30,22:00-07:00", s.voiceQuietHours());
        SettingsForm shown = SettingsForm.of(s);
        assertEquals("GLOVES 8 2\nHAND_WARMERS 30 0\n", shown.supplies());
        assertEquals("yes", shown.guestLoans());
        assertEquals(s, shown.toSettings(), "shown again, it reads back to the same document");
    }

    @Test
    void blankFieldsLeaveTheStationsOwnValuesAndRatingsAloneBringTheDefaultItems() {
        var s = ops("", "", "", "", "", "", "").toSettings();
        assertNull(s.loanOverdueDays());
        assertNull(s.guestLoansAllowed());
        assertNull(s.supplies());
        assertNull(s.voiceEnabled());
        assertNull(s.voiceVolumePercent());
        assertNull(s.voiceQuietHours());
        assertEquals(new SupplySettings(SupplySettings.DEFAULT.items(), false),
                ops("", "", "off", "", "", "", "").toSettings().supplies());
        assertEquals(new SupplySettings(List.of(), true), ops("", "", "", "none", "", "", "").toSettings().supplies());
        assertEquals("none", SettingsForm.of(ops("", "", "", "NONE", "", "", "").toSettings()).supplies());
    }

    @Test
    void anItemOfThePreviousDocumentKeepsItsNamesAndUnits() {
        SupplyItem socks = new SupplyItem("SOCKS", "袜子", "Socks", "双", "pair", 4, 1);
        StationSettings previous = new StationSettings(0, List.of("HOT_WATER"), null, 3, null, null, null, null, null,
                new SupplySettings(List.of(socks), true));
        var s = ops("", "", "", "SOCKS 6 2; GLOVES 10 1", "", "", "").toSettings(previous);
        assertEquals(new SupplyItem("SOCKS", "袜子", "Socks", "双", "pair", 6, 2), s.supplies().items().getFirst());
        var e = assertThrows(IllegalArgumentException.class, () -> ops("", "", "", "SOCKS 6 2", "", "", "").toSettings());
        assertTrue(e.getMessage().startsWith("supplies line 1 'SOCKS 6 2': unknown item SOCKS (known: GLOVES, HATS"),
                e.getMessage());
    }

    @Test
    void invalidOperationsFieldsAreRefusedNamingTheField() {
        List<List<String>> cases = List.of(
                List.of("loan overdue days: 0 is outside 1..60", "0", "", "", "", "", "", ""),
                List.of("loan overdue days: 'three' is not a whole number", "three", "", "", "", "", "", ""),
                List.of("guest loans: 'maybe' is not yes or no", "", "maybe", "", "", "", "", ""),
                List.of("ratings: 'x' is not yes or no", "", "", "x", "", "", "", ""),
                List.of("supplies line 1 'GLOVES 10': expected CODE lowAt perMemberLimit", "", "", "", "GLOVES 10", "", "", ""),
                List.of("supplies line 2 'GLOVES 3 1': GLOVES is listed twice", "", "", "", "GLOVES 10 1\nGLOVES 3 1", "", "", ""),
                List.of("supplies line 1 'HATS -1 1': lowAt must be 0..", "", "", "", "HATS -1 1", "", "", ""),
                List.of("supplies line 1 'HATS 1 x': 'x' is not a whole number", "", "", "", "HATS 1 x", "", "", ""),
                List.of("voice prompts: 'loud' is not yes or no", "", "", "", "", "loud", "", ""),
                List.of("voice volume (%): 101 is outside 0..100", "", "", "", "", "", "101", ""),
                List.of("voice quiet hours: '22:00-7:00' is not HH:mm-HH:mm", "", "", "", "", "", "", "22:00-7:00"));
        for (List<String> c : cases) {
            var e = assertThrows(IllegalArgumentException.class,
                    () -> ops(c.get(1), c.get(2), c.get(3), c.get(4), c.get(5), c.get(6), c.get(7)).toSettings(), c.get(0));
            assertTrue(e.getMessage().startsWith(c.get(0)), c.get(0) + " <> " + e.getMessage());
        }
    }
}
