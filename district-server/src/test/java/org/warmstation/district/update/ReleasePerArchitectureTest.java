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

    /** @return the architectures of the UPDATE downlinks sent to a station, in order */
    private List<String> offersTo(String station) throws Exception {
        List<String> out = new java.util.ArrayList<>();
        try (Connection c = DB.database().connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT command FROM downlink WHERE district_id = ? AND station_id = ? AND kind = 'UPDATE' ORDER BY id")) {
            ps.setInt(1, DISTRICT);
            ps.setString(2, station);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Wire.decode(rs.getBytes(1), DownlinkCommand.class).update().unverifiedManifest().architecture());
                }
            }
        }
        return out;
    }

    private void refuse(String station, String version, String packageArchitecture, String terminalArchitecture)
            throws Exception {
        try (Connection c = DB.database().connection()) {
            new UpdateRollout(DB.database(), DISTRICT).reported(c, station, new UpdateReport(UpdateReport.State.REFUSED,
                    version, UpdateReport.wrongArchitecture(packageArchitecture, terminalArchitecture), NOW), NOW);
        }
    }

    private String architectureOf(String station) throws Exception {
        return new UpdateQueries(DB.database(), DISTRICT).stations().stream().filter(r -> r.station().equals(station))
                .findFirst().orElseThrow().architecture();
    }

    /** Decision 0295: the arm64 release's canary is the terminal that had not said, and it is armhf. */
    @Test
    void aCanaryOfAnotherArchitectureIsReplacedAndWaitsForItsOwnPackage() throws Exception {
        List<String> arm = List.of("before-0285", "pi4-a", "pi4-b", "pi5-c");
        String version = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "0.4." + i)
                .filter(v -> UpdatePublisher.canaries(arm, v).equals(List.of("before-0285"))).findFirst().orElseThrow();
        assertEquals(List.of("before-0285"), publish(version, "arm64", true).offeredTo());

        refuse("before-0285", version, "arm64", "armhf");
        assertEquals("CANARY", state(version, "arm64"), "a refusal for architecture does not stop the rollout");
        assertEquals("armhf", architectureOf("before-0285"), "read from its refusal");
        Map<String, String> offered = offered();
        assertEquals(2, offered.size(), "the refusing canary and its replacement: " + offered);
        String replacement = offered.keySet().stream().filter(s -> !s.equals("before-0285")).findFirst().orElseThrow();
        assertTrue(arm.contains(replacement) && offered.get(replacement).equals("arm64"), offered.toString());
        assertEquals(Optional.of(new UpdateQueries.Waiting(version, new TreeMap<>(Map.of("armhf", 2)))),
                new UpdateQueries(DB.database(), DISTRICT).waiting());

        report(replacement, version, UpdateReport.State.HEALTHY);
        assertEquals("ROLLING", state(version, "arm64"));
        assertEquals(List.of("before-0285", "old-32"), publish(version, "armhf", false).offeredTo());
        assertEquals(List.of("arm64", "armhf"), offersTo("before-0285"));
        for (String s : List.of("pi4-a", "pi4-b", "pi5-c")) {
            assertEquals(List.of("arm64"), offersTo(s), s);
        }
    }

    /** Decision 0295: when its architecture's release is out already, the terminal gets it at once. */
    @Test
    void aTerminalThatRefusesForArchitectureGetsItsOwnReleaseAtOnce() throws Exception {
        assertEquals(4, publish("0.5.0", "arm64", false).stations());
        assertEquals(List.of("old-32"), publish("0.5.0", "armhf", false).offeredTo());
        refuse("before-0285", "0.5.0", "arm64", "armhf");
        assertEquals(List.of("arm64", "armhf"), offersTo("before-0285"));
        assertEquals("ROLLING", state("0.5.0", "armhf"));
        report("old-32", "0.5.0", UpdateReport.State.HEALTHY);
        assertEquals("ROLLING", state("0.5.0", "armhf"), "before-0285 has not finished its armhf update");
        report("before-0285", "0.5.0", UpdateReport.State.HEALTHY);
        assertEquals("DONE", state("0.5.0", "armhf"));
        for (String s : List.of("pi4-a", "pi4-b", "pi5-c")) {
            report(s, "0.5.0", UpdateReport.State.HEALTHY);
        }
        assertEquals("DONE", state("0.5.0", "arm64"), "the refusing station no longer counts for the arm64 release");

        // a terminal that did report its architecture and refuses: an ordinary refusal, nothing moves
        refuse("old-32", "0.5.0", "armhf", "riscv64");
        assertEquals("armhf", architectureOf("old-32"));
        assertEquals(List.of("armhf"), offersTo("old-32"));
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
