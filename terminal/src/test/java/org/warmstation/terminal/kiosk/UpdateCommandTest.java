package org.warmstation.terminal.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.provisioning.CliRun;
import org.warmstation.terminal.StationCli;

/** {@code warm-station update apply}: nothing to do without a request; bad usage is exit 2 with one line. */
class UpdateCommandTest {
    @TempDir
    Path dir;

    @Test
    void applyWithoutARequestDoesNothingAndAMissingConfigIsAUsageError() {
        assertEquals(0, CliRun.run(StationCli.commandLine(), "district", "init", "--district", "110105", "--dir",
                dir.resolve("keys").toString()).exitCode());
        Path config = dir.resolve("station.properties");
        CliRun init = CliRun.run(StationCli.commandLine(), "station", "init", "--id", "CY-0042", "--name", "望京",
                "--district", "110105", "--lat", "39.99", "--lon", "116.47", "--broker", "tcp://127.0.0.1:1883",
                "--trust", dir.resolve("keys/trust-list.txt").toString(), "--data-dir", dir.resolve("data").toString(),
                "--out", config.toString());
        assertEquals(0, init.exitCode(), init.toString());
        CliRun apply = CliRun.run(StationCli.commandLine(), "update", "apply", "--config", config.toString(), "--kept",
                dir.resolve("kept").toString());
        assertEquals(0, apply.exitCode(), apply.toString());
        assertTrue(apply.out().contains("no install request"), apply.out());

        CliRun missing = CliRun.run(StationCli.commandLine(), "update", "apply", "--config",
                dir.resolve("nope.properties").toString(), "--kept", dir.resolve("kept").toString());
        assertEquals(2, missing.exitCode(), missing.toString());
        assertTrue(missing.err().startsWith("update apply: "), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), missing.err());
    }
}
