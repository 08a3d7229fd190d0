package org.warmstation.provisioning.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.devices.pi4j.DoorSafeState;
import org.warmstation.provisioning.CliRun;
import org.warmstation.visitlog.testing.ChildJvm;
import picocli.CommandLine;

/**
 * The door relay's safe state when the kiosk dies mid pulse. A child JVM opens the door relay as
 * the kiosk does, on a {@link RecordedGpio} mock platform that writes every level to a file (the
 * stand-in for the GPIO chip's latch, which outlives the process), and starts a 60 s pulse; the
 * test kills it. Relay: active-low module on BCM 23, fail-secure, so HIGH = coil off = locked and
 * LOW = energised = open.
 */
class DoorKilledMidPulseTest {
    private static final Duration DEADLINE = Duration.ofMinutes(2);

    @TempDir
    Path dir;
    Process child;

    @AfterEach
    void killChild() throws InterruptedException {
        if (child != null && child.isAlive()) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private Path config(String mode) throws IOException {
        Path file = dir.resolve("station.properties");
        Files.writeString(file, """
                station.id=BJ-CY-0001
                hardware.door.pin=23
                hardware.door.activeLow=true
                hardware.door.pulse=PT60S
                hardware.door.mode=%s
                """.formatted(mode));
        return file;
    }

    /** Starts the child and waits until its door line is driven open (LOW). */
    private Path pulsingChild(Path config) throws Exception {
        Path record = dir.resolve("gpio.log");
        child = ChildJvm.start(DoorPulseChild.class, dir.resolve("child.log"), List.of(), config.toString(),
                record.toString(), "kiosk");
        long deadline = System.nanoTime() + DEADLINE.toNanos();
        while (!RecordedGpio.events(record, "kiosk", "door").contains("LOW")) {
            assertTrue(child.isAlive(), () -> "the child ended early: " + log());
            assertTrue(System.nanoTime() < deadline, () -> "no door pulse within " + DEADLINE + ": " + log());
            Thread.sleep(50);
        }
        return record;
    }

    private String log() {
        try {
            return Files.readString(dir.resolve("child.log"));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** door-safe through its command line, its line driven on a recorded mock context tagged {@code door-safe}. */
    private CliRun doorSafe(Path config, Path record) {
        DoorSafeCommand command = new DoorSafeCommand();
        command.releaser = (door, forceMock) -> {
            Context context = RecordedGpio.context(record, "door-safe");
            try {
                return DoorSafeState.release(context, door, "mock");
            } finally {
                context.shutdown();
            }
        };
        return CliRun.run(new CommandLine(command), "--config", config.toString());
    }

    @Test
    void sigkillMidPulseLeavesTheLineOpenUntilDoorSafeDrivesItLockedAndReleasesIt() throws Exception {
        Path config = config("FAIL_SECURE");
        Path record = pulsingChild(config);

        child.destroyForcibly();
        assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, child.exitValue(), "killed by SIGKILL (128 + 9)");
        // locked first at start (claimed HIGH, driven HIGH), then opened; no shutdown hook ran: the
        // latch still holds the door open
        assertEquals(List.of("HIGH", "LOW"), runs(RecordedGpio.events(record, "kiosk", "door")));

        CliRun run = doorSafe(config, record);

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("BCM 23 driven HIGH (relay off) and released on the MOCK platform: door locked (FAIL_SECURE)"),
                run.out());
        List<String> safe = RecordedGpio.events(record, "door-safe", "door");
        assertEquals(RecordedGpio.RELEASED, safe.getLast(), safe.toString());
        assertEquals(List.of("HIGH"), safe.subList(0, safe.size() - 1).stream().distinct().toList(),
                "claimed at the locked level and never driven otherwise: " + safe);
    }

    @Test
    void sigtermMidPulseLocksTheDoorThroughTheShutdownHook() throws Exception {
        Path record = pulsingChild(config("FAIL_SECURE"));

        child.destroy();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child ends on SIGTERM");
        List<String> events = RecordedGpio.events(record, "kiosk", "door");
        // locked at start, opened, locked by the hook (pulse ended, then Pi4J's shutdown level), released
        assertEquals(List.of("HIGH", "LOW", "HIGH", RecordedGpio.RELEASED), runs(events), events.toString());
    }

    /** @return the events with repeats in a row collapsed, e.g. HIGH HIGH LOW to HIGH LOW */
    private static List<String> runs(List<String> events) {
        List<String> runs = new java.util.ArrayList<>();
        for (String e : events) {
            if (runs.isEmpty() || !runs.getLast().equals(e)) {
                runs.add(e);
            }
        }
        return runs;
    }

    @Test
    void onAFailSafeLockDoorSafeLeavesTheMagnetUnpowered() throws Exception {
        Path record = dir.resolve("gpio.log");

        CliRun run = doorSafe(config("FAIL_SAFE"), record);

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("driven HIGH (relay off)") && run.out().contains("FAIL_SAFE magnetic lock, by design"),
                run.out());
        assertEquals("HIGH", RecordedGpio.events(record, "door-safe", "door").getFirst());
    }

    @Test
    void onTheRealCommandLineNothingToDoWithoutConfigOrDoorAndWrongKeysAreNamed() throws Exception {
        CliRun none = CliRun.run("door-safe", "--mock", "--config", dir.resolve("missing.properties").toString());
        assertEquals(0, none.exitCode(), none.toString());
        assertTrue(none.out().contains("no station config at"), none.out());

        Path noDoor = dir.resolve("no-door.properties");
        Files.writeString(noDoor, "station.id=BJ-CY-0001\nhardware.buzzer.pin=18\n");
        CliRun nothing = CliRun.run("door-safe", "--mock", "--config", noDoor.toString());
        assertEquals(0, nothing.exitCode(), nothing.toString());
        assertTrue(nothing.out().contains("configures no door relay"), nothing.out());

        Path wrong = dir.resolve("wrong.properties");
        Files.writeString(wrong, "hardware.door.pin=5\n");
        CliRun refused = CliRun.run("door-safe", "--mock", "--config", wrong.toString());
        assertEquals(DoorSafeCommand.EXIT_CONFIG, refused.exitCode(), refused.toString());
        assertTrue(refused.err().contains("hardware.door.pin: BCM 5 is pulled up"), refused.err());

        CliRun mock = CliRun.run("door-safe", "--mock", "--config", config("FAIL_SECURE").toString());
        assertEquals(0, mock.exitCode(), mock.toString());
        assertTrue(mock.out().contains("BCM 23 driven HIGH (relay off) and released on the MOCK platform"), mock.out());
    }
}
