package org.warmstation.district.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.warmstation.district.sim.SimStation.Health;

/** The simulated Chaoyang district without a database: shape, labelling, patterns, determinism. */
class DistrictSimulatorTest {
    /** A Sunday evening (Beijing). */
    private static final Instant NOW = Instant.parse("2026-12-06T12:30:00Z");
    private final DistrictSimulator sim = new DistrictSimulator(DistrictSimulator.Settings.demo(NOW));

    @Test
    void demoDistrictHasFortyStationsAndThirtyDaysEndingToday() {
        assertEquals(40, sim.stations().size());
        assertEquals(30, sim.dates().size());
        assertEquals(LocalDate.of(2026, 12, 6), sim.dates().getLast());
        assertEquals(40, sim.stations().stream().map(SimStation::id).distinct().count());
        assertEquals(40, sim.stations().stream().map(SimStation::name).distinct().count());
    }

    @Test
    void everyStationIsLabelledSimulatedAndStandsInChaoyang() {
        for (SimStation s : sim.stations()) {
            assertTrue(s.name().endsWith("（模拟）"), s.name());
            assertTrue(s.id().matches("CY-S\\d{4}"), s.id());
            assertTrue(s.address().startsWith("北京市朝阳区"), s.address());
            assertTrue(s.lat() >= 39.90 && s.lat() <= 40.02, s.id() + " lat " + s.lat());
            assertTrue(s.lon() >= 116.42 && s.lon() <= 116.56, s.id() + " lon " + s.lon());
            assertTrue(s.phone().matches("010-6\\d{3}-\\d{4}"), s.phone());
            assertTrue(s.services().containsAll(List.of("HOT_WATER", "TOILET", "REST")), s.services().toString());
        }
    }

    @Test
    void largeDistrictStaysInsideTheBox() {
        DistrictSimulator big = new DistrictSimulator(new DistrictSimulator.Settings(3, 1300, 1, NOW, 110105));
        assertEquals(1300, big.stations().stream().map(SimStation::name).distinct().count());
        for (SimStation s : big.stations()) {
            assertTrue(s.lat() >= 39.90 && s.lat() <= 40.02 && s.lon() >= 116.42 && s.lon() <= 116.56, s.toString());
        }
    }

    @Test
    void mostStationsAreOnlineSomeQuietSomeOffline() {
        Map<Health, Long> byHealth = new HashMap<>();
        sim.stations().forEach(s -> byHealth.merge(s.health(), 1L, Long::sum));
        assertTrue(byHealth.get(Health.ONLINE) >= 33, byHealth.toString());
        assertTrue(byHealth.getOrDefault(Health.QUIET, 0L) >= 2, byHealth.toString());
        assertTrue(byHealth.getOrDefault(Health.OFFLINE, 0L) >= 3, byHealth.toString());
    }

    @Test
    void sameSettingsGiveTheSameVisitsAndAnotherSeedOthers() {
        DistrictSimulator again = new DistrictSimulator(DistrictSimulator.Settings.demo(NOW));
        DistrictSimulator other = new DistrictSimulator(new DistrictSimulator.Settings(10, 40, 30, NOW, 110105));
        LocalDate day = sim.dates().get(12);
        for (int i = 0; i < 40; i += 7) {
            assertEquals(sim.visits(sim.stations().get(i), day), again.visits(again.stations().get(i), day));
            assertNotEquals(sim.visits(sim.stations().get(i), day), other.visits(other.stations().get(i), day));
        }
        assertEquals(sim.stations(), again.stations());
    }

    @Test
    void aLaterNowOnlyAddsVisitsAfterTheEarlierOne() {
        DistrictSimulator later = new DistrictSimulator(DistrictSimulator.Settings.demo(NOW.plusSeconds(3 * 3600)));
        SimStation s = sim.stations().getFirst();
        List<SimVisit> before = sim.visits(s, sim.dates().getLast());
        List<SimVisit> after = later.visits(later.stations().getFirst(), sim.dates().getLast());
        assertEquals(before, after.subList(0, before.size()));
        assertTrue(after.size() > before.size(), "an evening adds visits");
        assertTrue(before.stream().noneMatch(v -> v.recordedAt().isAfter(NOW)));
    }

    @Test
    void visitsAreOrderedWellFormedAndOnlyInOpeningHours() {
        for (SimStation s : sim.stations()) {
            Instant previous = Instant.MIN;
            for (SimVisit v : sim.visits(s, sim.dates().get(3))) {
                assertTrue(v.recordedAt().isAfter(previous));
                previous = v.recordedAt();
                assertEquals(7, v.uuid().version());
                assertEquals(v.recordedAt().toEpochMilli(), v.uuid().getMostSignificantBits() >>> 16);
                assertTrue(s.isOpenAt(v.recordedAt().atZone(DistrictSimulator.ZONE).toLocalTime()), s.openingHours());
                assertTrue(s.services().containsAll(v.services()) && !v.services().isEmpty());
                assertEquals(v.memberId() == null, v.cardSerial() == 0);
            }
        }
    }

    @Test
    void visitsFollowTheDayTheWeekAndTheTrades() {
        long[] byHour = new long[24];
        Map<String, Long> byCategory = new HashMap<>();
        long weekday = 0;
        long weekend = 0;
        long guests = 0;
        long cards = 0;
        Set<String> members = new HashSet<>();
        for (SimStation s : sim.stations()) {
            for (LocalDate d : sim.dates().subList(0, 28)) { // four whole weeks
                for (SimVisit v : sim.visits(s, d)) {
                    byHour[v.recordedAt().atZone(DistrictSimulator.ZONE).getHour()]++;
                    byCategory.merge(v.category(), 1L, Long::sum);
                    boolean sat = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                    if (sat) {
                        weekend++;
                    } else {
                        weekday++;
                    }
                    if (v.memberId() == null) {
                        guests++;
                    } else {
                        cards++;
                        members.add(v.memberId());
                    }
                }
            }
        }
        long total = weekday + weekend;
        assertTrue(total > 25_000 && total < 50_000, "visits in four weeks: " + total);
        assertTrue(byHour[12] > 2 * byHour[9] && byHour[18] > 2 * byHour[9], "lunch and evening peaks");
        assertTrue(byHour[3] * 20 < byHour[12], "night is quiet");
        assertTrue(weekend / 8.0 < 0.9 * weekday / 20.0, "weekend days are quieter");
        List<String> top3 = byCategory.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(3).map(Map.Entry::getKey).sorted().toList();
        assertEquals(List.of("COURIER", "FOOD_DELIVERY", "SANITATION"), top3, byCategory.toString());
        double guestShare = guests / (double) total;
        assertTrue(guestShare > 0.06 && guestShare < 0.15, "guest share " + guestShare);
        assertTrue(members.size() < cards / 8, "members come back: " + members.size() + " members, " + cards + " card visits");
    }
}
