package org.warmstation.district.update;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.DistrictService;
import org.warmstation.district.testing.DistrictDatabaseExtension;
import org.warmstation.district.testing.TestDebs;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.StationStatus;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.UpdateReport;
import org.warmstation.protocol.wire.Wire;

/**
 * Decision 0285: a district whose terminals run on two architectures publishes one version once per
 * architecture. Stations report their architecture in the birth message (through the message
 * handler, without a broker); each gets the release built for it, a terminal that has not reported
 * one gets the version's first release, and each release has its own canary wave and state.
 */
class ReleasePerArchitectureTest {
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    private static final DistrictKey KEY = DistrictKey.generate(110105);

    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension();

    @TempDir
    Path dir;

    private static final int DISTRICT = 110105;
    private DistrictService service;

    @BeforeEach
    void stations() throws Exception {
        try (Connection c = DB.database().connection(); PreparedStatement ps = c.prepareStatement(
                "TRUNCATE station_update, update_release, downlink, station CASCADE")) {
            ps.execute();
        }
        service = new DistrictService(DB.database(), DISTRICT, (t, p) -> { },
                new DistrictService.LedgerSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), Optional.empty()),
                Clock.fixed(NOW, ZoneOffset.UTC));
        birth("pi4-a", "arm64");
        birth("pi4-b", "arm64");
        birth("pi5-c", "arm64");
        birth("old-32", "armhf");
        birth("before-0285", null);
    }

    @AfterEach
    void close() {
        service.close();
    }

    private void birth(String station, String architecture) {
        assertTrue(service.handle(new Topics(DISTRICT, station).topic(Topics.Kind.STATUS), Wire.encode(new StationStatus(
                StationStatus.SCHEMA, DISTRICT, station, StationStatus.State.ONLINE, "0.1.0", NOW, null, null, 60, null,
                null, architecture))));
    }

    private UpdatePublisher.Published publish(String version, String architecture, boolean canary) throws Exception {
        Path deb = TestDebs.write(dir.resolve(version + "-" + architecture + ".deb"), version, architecture,
                "package " + version + " " + architecture);
        return new UpdatePublisher(DB.database(), DISTRICT).publish(new UpdatePublisher.Request(deb, version, canary, KEY,
                "http://10.0.0.5:8080", dir.resolve("updates")), "test", NOW);
    }

    /** @return station to the architecture of the UPDATE downlink it was sent */
    private Map<String, String> offered() throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = DB.database().connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT station_id, command FROM downlink WHERE district_id = ? AND kind = 'UPDATE'")) {
            ps.setInt(1, DISTRICT);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DownlinkCommand cmd = Wire.decode(rs.getBytes(2), DownlinkCommand.class);
                    String previous = out.put(rs.getString(1), cmd.update().unverifiedManifest().architecture());
                    assertNull(previous, "one offer per station: " + rs.getString(1));
                }
            }
        }
        return out;
    }

    private String state(String version, String architecture) throws Exception {
        return new UpdateQueries(DB.database(), DISTRICT).release(new Release.Key(version, architecture)).orElseThrow()
                .state();
    }

    private void report(String station, String version, UpdateReport.State state) throws Exception {
        try (Connection c = DB.database().connection()) {
            new UpdateRollout(DB.database(), DISTRICT).reported(c, station, new UpdateReport(state, version, null, NOW), NOW);
        }
    }

    @Test
    void eachStationIsOfferedTheReleaseOfItsArchitectureOnce() throws Exception {
        UpdatePublisher.Published arm = publish("0.2.0", "arm64", false);
        assertEquals(4, arm.stations(), "the three arm64 terminals and the one that has not said");
        assertEquals(1, arm.others(), "the armhf terminal waits for its own package");
        UpdateQueries q = new UpdateQueries(DB.database(), DISTRICT);
        assertEquals(Optional.of(new UpdateQueries.Waiting("0.2.0", new TreeMap<>(Map.of("armhf", 1)))), q.waiting());
        UpdatePublisher.Published armhf = publish("0.2.0", "armhf", false);
        assertEquals(Optional.empty(), q.waiting(), "every station has a release of 0.2.0");
        assertEquals(List.of("old-32"), armhf.offeredTo());
        assertEquals(Map.of("pi4-a", "arm64", "pi4-b", "arm64", "pi5-c", "arm64", "before-0285", "arm64",
                "old-32", "armhf"), offered());

        Path served = dir.resolve("updates/0.2.0/warm-station-terminal_0.2.0_arm64.deb");
        byte[] before = Files.readAllBytes(served);
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class, () -> publish("0.2.0", "arm64", false));
        assertEquals("version 0.2.0 for arm64 is published already", again.getMessage());
        assertArrayEquals(before, Files.readAllBytes(served), "the copy the stations verify is not replaced");
        birth("new-riscv", "riscv64");
        assertEquals(Optional.of(new UpdateQueries.Waiting("0.2.0", new TreeMap<>(Map.of("riscv64", 1)))), q.waiting());
        assertTrue(service.handle(new Topics(DISTRICT, "new-riscv").topic(Topics.Kind.STATUS), Wire.encode(
                new StationStatus(StationStatus.SCHEMA, DISTRICT, "new-riscv", StationStatus.State.ONLINE, "0.2.0", NOW,
                        null, null, 60, null, null, "riscv64"))));
        assertEquals(Optional.empty(), q.waiting(), "a terminal already running 0.2.0 waits for nothing");
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> publish("0.2.0", "riscv64", false));
        assertTrue(none.getMessage().startsWith("no station of district 110105 waits for 0.2.0 (riscv64)"), none.getMessage());

        var rows = new UpdateQueries(DB.database(), DISTRICT).stations().stream()
                .collect(java.util.stream.Collectors.toMap(UpdateQueries.StationRow::station, r -> r));
        assertEquals("armhf", rows.get("old-32").architecture());
        assertEquals("0.2.0", rows.get("old-32").version());
        assertNull(rows.get("before-0285").architecture());
        // a last will names no architecture: the one reported stays
        service.handle(new Topics(DISTRICT, "old-32").topic(Topics.Kind.STATUS), Wire.encode(new StationStatus(
                StationStatus.SCHEMA, DISTRICT, "old-32", StationStatus.State.OFFLINE, "0.1.0", NOW, null)));
        assertEquals("armhf", new UpdateQueries(DB.database(), DISTRICT).stations().stream()
                .filter(r -> r.station().equals("old-32")).findFirst().orElseThrow().architecture());
    }

    @Test
    void aFailedCanaryStopsOnlyTheReleaseOfItsArchitecture() throws Exception {
        UpdatePublisher.Published arm = publish("0.3.0", "arm64", true);
        String armCanary = arm.offeredTo().getFirst();
        assertEquals(List.of("old-32"), publish("0.3.0", "armhf", true).offeredTo());
        assertEquals(Map.of(armCanary, "arm64", "old-32", "armhf"), offered(), "one canary per release (5 %, at least one)");

        report("old-32", "0.3.0", UpdateReport.State.ROLLED_BACK);
        assertEquals("STOPPED", state("0.3.0", "armhf"));
        assertEquals("CANARY", state("0.3.0", "arm64"), "another architecture's rollout goes on");

        report(armCanary, "0.3.0", UpdateReport.State.HEALTHY);
        assertEquals("ROLLING", state("0.3.0", "arm64"));
        assertEquals(Map.of("pi4-a", "arm64", "pi4-b", "arm64", "pi5-c", "arm64", "before-0285", "arm64",
                "old-32", "armhf"), offered());

        UpdateRollout rollout = new UpdateRollout(DB.database(), DISTRICT);
        assertEquals(UpdateRollout.Resumed.DONE, rollout.resume(new Release.Key("0.3.0", "armhf"), "test", NOW),
                "its one station has finished (rolled back)");
        assertEquals(UpdateRollout.Resumed.UNKNOWN, rollout.resume(new Release.Key("0.3.0", "riscv64"), "test", NOW));
        assertEquals(UpdateRollout.Resumed.NOT_STOPPED, rollout.resume(new Release.Key("0.3.0", "arm64"), "test", NOW));
    }
}
