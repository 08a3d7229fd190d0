package org.warmstation.district;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.warmstation.district.db.StationStore.StationRow;
import org.warmstation.district.fleet.FleetSettings;

class StationsFormatTest {
    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    private static StationRow row(String id, String status, long silentSeconds) {
        return new StationRow(110105, id, status, "0.1.0", NOW.minusSeconds(3600), NOW.minusSeconds(silentSeconds), 0L,
                5, 5, true, NOW.minusSeconds(silentSeconds), Duration.ofSeconds(60));
    }

    @Test
    void aConnectedStationSilentBeyondTheThresholdIsListedQuiet() {
        String text = StationsFormat.text(List.of(row("a", "ONLINE", 30), row("b", "ONLINE", 200),
                row("c", "OFFLINE", 30)), NOW, FleetSettings.DEFAULTS);
        List<String> lines = text.lines().toList();
        assertTrue(lines.get(1).matches("110105\\s+a\\s+ONLINE\\s+30 s ago.*"), text);
        assertTrue(lines.get(2).matches("110105\\s+b\\s+QUIET\\s+3 min ago.*"), text);
        assertTrue(lines.get(3).matches("110105\\s+c\\s+OFFLINE.*"), text);
        String patient = StationsFormat.text(List.of(row("b", "ONLINE", 200)), NOW, FleetSettings.DEFAULTS.withQuietFactor(4));
        assertTrue(patient.lines().toList().get(1).matches("110105\\s+b\\s+ONLINE.*"), patient);
    }
}
