package org.warmstation.district.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.warmstation.protocol.wire.OpeningHours;

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
}
