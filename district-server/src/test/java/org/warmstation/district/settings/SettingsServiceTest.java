package org.warmstation.district.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.DistrictService;
import org.warmstation.district.console.testing.MutableClock;
import org.warmstation.district.testing.DistrictDatabaseExtension;
import org.warmstation.protocol.card.StaffPin;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.Neighbours;
import org.warmstation.protocol.wire.StationSettings;

/**
 * Station settings at the district against a real (embedded) PostgreSQL, the station played by
 * the test: numbered versions queued as signed SETTINGS downlinks, the station's answer stored and
 * reported, invalid documents refused before anything is queued, neighbour lists sent where they
 * change.
 */
class SettingsServiceTest {
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    private static final int D = StationFixture.DISTRICT;

    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension("downlink", "station", "station_settings");
    private final List<String> topics = new ArrayList<>();
    private final List<byte[]> payloads = new ArrayList<>();
    private DistrictService district;
    private SettingsService settings;
    private MutableClock clock;

    @BeforeEach
    void stations() throws Exception {
        clock = new MutableClock(NOW, ZoneOffset.UTC);
        district = new DistrictService(DB.database(), D, (t, p) -> {
            topics.add(t);
            payloads.add(p);
        }, new DistrictService.LedgerSettings(Duration.ofMinutes(5), Duration.ofMinutes(10),
                Optional.of(StationFixture.KEY)), clock);
        settings = new SettingsService(DB.database(), D, clock);
        StationFixture.born(district, "CY-0001", "朝阳门外驿站", 39.9230, 116.4340, "", NOW);
        StationFixture.born(district, "CY-0002", "东大桥驿站", 39.9230, 116.4410, "MON-SUN 06:00-22:00", NOW);
        StationFixture.born(district, "CY-0003", "远郊驿站", 40.5000, 117.0000, "MON-SUN 08:00-18:00", NOW);
    }

    @AfterEach
    void close() {
        district.close();
    }

    private static StationSettings form(String hours, String exceptions, String services, String pin) {
        return new SettingsForm(hours, exceptions, services, "5", "4.5", "寒潮预警", pin, pin).toSettings();
    }

    @Test
    void aSettingsChangeIsQueuedSignedAndItsAppliedAnswerStored() throws Exception {
        SettingsStatus queued = settings.send("CY-0001",
                form("MON-FRI 07:00-22:00", "2026-12-25 closed # 检修", "HOT_WATER,TOILET", "135790"), "admin");
        assertEquals(1, queued.version());
        assertEquals(SettingsStatus.State.QUEUED, queued.state());
        assertTrue(queued.pinReset());
        assertNull(queued.settings().staffPin(), "the district keeps no PIN hash in its documents");

        district.dispatchDownlinks();
        DownlinkCommand cmd = StationFixture.lastTo(topics, payloads, "CY-0001", DownlinkCommand.Kind.SETTINGS).orElseThrow();
        StationSettings received = cmd.settings();
        assertEquals(1, received.version());
        assertEquals(List.of("HOT_WATER", "TOILET"), received.enabledServices());
        assertEquals(300, received.duplicateWindowSeconds());
        assertFalse(received.hours().openAt(LocalDate.of(2026, 12, 25).atTime(12, 0)));
        assertTrue(StaffPin.parse(received.staffPin()).matches("135790".toCharArray()));
        assertEquals(SettingsStatus.State.SENT, settings.status("CY-0001").orElseThrow().state());

        StationFixture.ack(district, cmd, DownlinkAck.Outcome.APPLIED, null, NOW.plusSeconds(3));
        SettingsStatus applied = settings.status("CY-0001").orElseThrow();
        assertEquals(SettingsStatus.State.APPLIED, applied.state());
        assertEquals(NOW.plusSeconds(3), applied.ackedAt());

        SettingsStatus second = settings.send("CY-0001", form("", "", "HOT_WATER", ""), "admin");
        assertEquals(2, second.version());
        assertFalse(second.pinReset());
    }

    @Test
    void theStationsRefusalIsStoredWithItsReason() throws Exception {
        settings.send("CY-0001", form("MON-SUN 07:00-22:00", "", "REST", ""), "admin");
        district.dispatchDownlinks();
        DownlinkCommand cmd = StationFixture.lastTo(topics, payloads, "CY-0001", DownlinkCommand.Kind.SETTINGS).orElseThrow();
        StationFixture.ack(district, cmd, DownlinkAck.Outcome.REFUSED,
                "invalid command: settings: unknown service 'REST'", NOW.plusSeconds(2));
        SettingsStatus s = settings.status("CY-0001").orElseThrow();
        assertEquals(SettingsStatus.State.REFUSED, s.state());
        assertEquals("invalid command: settings: unknown service 'REST'", s.message());
    }

    @Test
    void anInvalidHourAnUnknownServiceOrAnUnknownStationQueuesNothing() throws Exception {
        var e = assertThrows(IllegalArgumentException.class, () -> form("MON-FRI 07:00-25:00", "", "HOT_WATER", ""));
        assertEquals("opening hours: opening span '07:00-25:00' is not HH:MM-HH:MM (e.g. 08:00-20:00, 00:00-24:00)",
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> form("", "2026-12-32 closed", "HOT_WATER", ""));
        assertTrue(e.getMessage().startsWith("opening hours: exception line 1 '2026-12-32 closed': '2026-12-32' is not a date"),
                e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> form("", "", "HOT_WATER,SAUNA", ""));
        assertTrue(e.getMessage().startsWith("settings: unknown service 'SAUNA' (known: HOT_WATER"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new SettingsForm("", "", "HOT_WATER", "", "", "", "12", "12").toSettings());
        assertTrue(e.getMessage().startsWith("staff PIN: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> settings.send("CY-9999", form("", "", "TOILET", ""), "admin"));
        assertEquals("no station CY-9999 in district " + D, e.getMessage());
        assertEquals(Optional.empty(), settings.status("CY-0001"));
        assertEquals(List.of(), district.sender().history("CY-0001", 10));
    }

    @Test
    void neighbourListsAreSentWhereTheyChangeOnly() throws Exception {
        assertEquals(1, settings.refreshNeighbours("test"),
                "only CY-0001 has a neighbour with known hours within 20 km (CY-0002); the others' lists are empty");
        assertEquals(0, settings.refreshNeighbours("test"), "nothing changed");
        district.dispatchDownlinks();
        Neighbours forFirst = StationFixture.lastTo(topics, payloads, "CY-0001", DownlinkCommand.Kind.NEIGHBOURS)
                .orElseThrow().neighbours();
        assertEquals(List.of("CY-0002"), forFirst.stations().stream().map(n -> n.station()).toList(),
                "CY-0003 is beyond 20 km");
        assertEquals("东大桥驿站", forFirst.stations().getFirst().name());
        assertTrue(Math.abs(forFirst.stations().getFirst().distanceMetres() - 597) < 10,
                forFirst.stations().getFirst().distanceMetres() + " m");

        settings.send("CY-0001", form("MON-SUN 07:00-20:00", "", "HOT_WATER", ""), "admin");
        district.dispatchDownlinks();
        Neighbours forSecond = StationFixture.lastTo(topics, payloads, "CY-0002", DownlinkCommand.Kind.NEIGHBOURS)
                .orElseThrow().neighbours();
        assertEquals("CY-0001", forSecond.stations().getFirst().station(),
                "CY-0001's new hours reach its neighbour");
        assertFalse(forSecond.stations().getFirst().hours().openAt(LocalDate.of(2026, 12, 7).atTime(21, 0)));
        assertEquals(0, settings.refreshNeighbours("test"));
    }

    @Test
    void aChangedProfileReachesTheNeighbourListsAtTheServersNextRefresh() throws Exception {
        assertEquals(1, settings.refreshNeighboursIfProfilesChanged(), "the first refresh sends CY-0001 its list");
        assertEquals(0, settings.refreshNeighboursIfProfilesChanged(), "no profile arrived since");
        clock.advance(Duration.ofSeconds(60)); // the district orders profiles by its receive time (decision 0186)
        StationFixture.born(district, "CY-0003", "远郊驿站", 39.9235, 116.4380, "MON-SUN 08:00-18:00", NOW.plusSeconds(60));
        assertEquals(3, settings.refreshNeighboursIfProfilesChanged(),
                "CY-0003 moved next to the others: all three lists change");
        district.dispatchDownlinks();
        Neighbours forThird = StationFixture.lastTo(topics, payloads, "CY-0003", DownlinkCommand.Kind.NEIGHBOURS)
                .orElseThrow().neighbours();
        assertEquals(List.of("CY-0002"), forThird.stations().stream().map(n -> n.station()).toList(),
                "CY-0001 publishes no hours and was sent none");
    }
}
