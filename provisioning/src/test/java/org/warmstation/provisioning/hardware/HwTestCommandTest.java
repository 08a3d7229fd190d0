package org.warmstation.provisioning.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.provisioning.CliRun;

/** {@code station hw-test} on Pi4J's mock platform, through the real command line. */
class HwTestCommandTest {
    @TempDir
    Path dir;

    private Path config(String hardware) throws Exception {
        Path file = dir.resolve("station.properties");
        Files.writeString(file, "station.id=BJ-CY-0001\n" + hardware);
        return file;
    }

    @Test
    void walksThroughEveryConfiguredRoleOnTheMockPlatform() throws Exception {
        Path backlight = Files.createDirectories(dir.resolve("sys/10-0045"));
        Files.writeString(backlight.resolve("max_brightness"), "255\n");
        Files.writeString(backlight.resolve("brightness"), "200\n");
        Path file = config("""
                hardware.light.green.pin=17
                hardware.light.red.pin=27
                hardware.light.amber.pin=22
                hardware.buzzer.pin=18
                hardware.door.pin=23
                hardware.door.activeLow=true
                hardware.door.pulse=PT0.2S
                hardware.motion.pin=24
                hardware.motion.debounce=PT0.05S
                hardware.ambient.bus=1
                hardware.ambient.address=0x44
                hardware.backlight.path=%s
                """.formatted(backlight.toString().replace("\\", "/")));

        CliRun run = CliRun.run("hw-test", "--mock", "--config", file.toString(), "--motion-timeout", "PT5S");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("MOCK platform"), run.out());
        for (String line : new String[]{"status light  PASS  green, red, amber each blinked 3 times",
                "buzzer        PASS", "door          PASS  FAIL_SECURE relay pulsed open for 0.2 s",
                "motion        PASS", "ambient       PASS  25.0 °C, 50 %RH from SHT3x on I2C bus 1 at 0x44",
                "backlight     PASS  dimmed to 26/255", "hw-test: 6 passed, 0 failed (mock platform)"}) {
            assertTrue(run.out().contains(line), "missing '" + line + "' in\n" + run.out());
        }
        assertEquals("200", Files.readString(backlight.resolve("brightness")).strip(), "backlight restored");
    }

    @Test
    void aRoleThatCannotOpenFailsAndTheOthersStillRun() throws Exception {
        Path file = config("""
                hardware.buzzer.pin=18
                hardware.backlight.path=%s
                """.formatted(dir.resolve("no-such-backlight").toString().replace("\\", "/")));
        CliRun run = CliRun.run("hw-test", "--mock", "--config", file.toString());
        assertEquals(HwTestCommand.EXIT_FAILED, run.exitCode(), run.toString());
        assertTrue(run.out().contains("buzzer        PASS"), run.out());
        assertTrue(run.out().contains("backlight     FAIL  not available"), run.out());
        assertTrue(run.out().contains("1 passed, 1 failed"), run.out());
    }

    @Test
    void wrongKeysAreNamedAndNothingIsDriven() throws Exception {
        Path file = config("hardware.door.pin=23\nhardware.door.pulse=three\nhardware.buzzer.pin=23\n");
        CliRun run = CliRun.run("hw-test", "--config", file.toString());
        assertEquals(HwTestCommand.EXIT_CONFIG, run.exitCode(), run.toString());
        assertTrue(run.err().contains("hardware.door.pulse: must be an ISO-8601 duration"), run.err());
        assertTrue(run.err().contains("hardware.door.pin: BCM pin 23 is already used by hardware.buzzer.pin"), run.err());
    }

    @Test
    void aMissingConfigFileIsAClearError() {
        CliRun run = CliRun.run("hw-test", "--config", dir.resolve("absent.properties").toString());
        assertEquals(HwTestCommand.EXIT_CONFIG, run.exitCode());
        assertTrue(run.err().contains("cannot read"), run.err());
    }
}
