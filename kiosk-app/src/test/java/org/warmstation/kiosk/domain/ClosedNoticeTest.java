package org.warmstation.kiosk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.wire.Neighbour;
import org.warmstation.protocol.wire.Neighbours;
import org.warmstation.protocol.wire.OpeningHours;
import org.warmstation.protocol.wire.StationHours;

class ClosedNoticeTest {
    private static final LocalDateTime EARLY = LocalDate.of(2026, 12, 7).atTime(6, 15);
    private final StationHours hours = new StationHours(OpeningHours.parse("MON-SUN 07:00-20:00"), List.of());
    private final Neighbours neighbours = new Neighbours(List.of(
            new Neighbour("cy-0003", "三里屯驿站", 400, new StationHours(OpeningHours.parse("MON-SUN 08:00-18:00"), null)),
            new Neighbour("cy-0001", "东大桥驿站", 600, new StationHours(OpeningHours.parse("MON-SUN 06:00-22:00"), null)),
            new Neighbour("cy-0002", "呼家楼驿站", 900, null)));

    @Test
    void closedNamesTheOpeningAndTheNearestStationOpenNow() {
        ClosedNotice n = ClosedNotice.at(hours, neighbours, EARLY).orElseThrow();
        assertEquals(Optional.of(EARLY.withHour(7).withMinute(0)), n.opensAt());
        assertEquals("东大桥驿站", n.nearestOpen().orElseThrow().name(), "the nearer 三里屯 is closed too");
        assertEquals(Optional.of(EARLY.withHour(22).withMinute(0)), n.nearestUntil());
    }

    @Test
    void anAroundTheClockNeighbourHasNoClosingTime() {
        ClosedNotice n = ClosedNotice.at(hours, neighbours, EARLY.withHour(23)).orElseThrow();
        assertEquals("呼家楼驿站", n.nearestOpen().orElseThrow().name());
        assertEquals(Optional.empty(), n.nearestUntil());
    }

    @Test
    void noNoticeWhileOpen() {
        assertTrue(ClosedNotice.at(hours, neighbours, EARLY.withHour(12)).isEmpty());
        assertTrue(ClosedNotice.at(StationHours.ALWAYS, neighbours, EARLY).isEmpty());
    }
}
