package org.warmstation.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.provisioning.CliRun;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.store.DamagedLog;
import org.warmstation.visitlog.store.LogEpoch;
import org.warmstation.visitlog.store.SqliteVisitStore;

/**
 * Decision 0270, end to end through the command lines: the visits of a visit log the kiosk set
 * aside are read into a rescue file on the terminal, and the district stores them under the old
 * epoch, once (a second import holds them already).
 */
class RescueE2eTest {
    private static final int VISITS = 30;

    @TempDir
    Path dir;

    @Test
    void theVisitsOfASetAsideLogReachTheDistrictOnce() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        UUID epoch;
        try (SqliteVisitStore store = new SqliteVisitStore(data)) {
            for (int i = 0; i < VISITS; i++) {
                store.record(new Visit(UUID.randomUUID(), 0, "CY-0042", Instant.parse("2026-12-06T02:00:00Z").plusSeconds(i),
                        ZoneId.of("Asia/Shanghai"), null, 0, WorkerCategory.SANITATION, Set.of(), VisitSource.GUEST, true,
                        Duration.ofMinutes(i)));
            }
        }
        epoch = LogEpoch.of(data).orElseThrow();
        DamagedLog.markDamaged(data, "test", Instant.now());
        Path aside = DamagedLog.setAsideIfDamaged(data, Instant.now()).orElseThrow().file();

        CliRun read = CliRun.run(StationCli.commandLine(), "station", "rescue", "--file", aside.toString(),
                "--district", "110105");
        assertEquals(0, read.exitCode(), read.toString());
        assertTrue(read.out().contains(VISITS + " visit(s) read, 0 unreadable; station CY-0042, epoch " + epoch), read.out());
        Path rescue = aside.resolveSibling(aside.getFileName() + ".rescue.jsonl");
        assertEquals(1, Files.readAllLines(rescue).size(), "one batch");

        String pg = dir.resolve("pg").toString();
        CliRun first = CliRun.run(StationCli.commandLine(), "district-server", "rescue", "--district", "110105",
                "--data-dir", pg, rescue.toString());
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("1 batch(es): " + VISITS + " visit(s) stored, 0 already held"), first.out());
        CliRun again = CliRun.run(StationCli.commandLine(), "district-server", "rescue", "--district", "110105",
                "--data-dir", pg, rescue.toString());
        assertTrue(again.out().contains("0 visit(s) stored, " + VISITS + " already held"), again.out());

        CliRun wrong = CliRun.run(StationCli.commandLine(), "district-server", "rescue", "--district", "110101",
                "--data-dir", pg, rescue.toString());
        assertEquals(1, wrong.exitCode(), wrong.toString());
        assertTrue(wrong.out().contains("line 1: a batch of district 110105, not 110101"), wrong.out());
    }
}
