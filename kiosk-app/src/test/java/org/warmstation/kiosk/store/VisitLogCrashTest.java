package org.warmstation.kiosk.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.kiosk.domain.VisitService;
import org.warmstation.visitlog.time.SystemStationClock;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.testing.ChildJvm;
import org.warmstation.visitlog.testing.VisitLogFile;
import org.warmstation.visitlog.store.SqliteVisitStore;

/**
 * Kills a real recording process with SIGKILL in the middle of its work and checks that the visit
 * log survives: intact, every visit reported as committed present, sequences without gaps.
 */
class VisitLogCrashTest {
    static final int VISITS_BEFORE_KILL = 300;

    @TempDir
    Path work;

    @Test
    void killedRecorderLosesNoCommittedVisitAndLeavesNoGap() throws Exception {
        Path data = work.resolve("data");
        List<Long> printed = new ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            List<Long> committed = runAndKill(data, round);
            assertTrue(committed.size() >= VISITS_BEFORE_KILL, "round " + round + ": " + committed.size());
            printed.addAll(committed);
            System.out.printf("crash round %d: killed after %d reported commits (last seq %d)%n",
                    round, committed.size(), committed.getLast());
        }
        try (VisitLogFile f = new VisitLogFile(data)) {
            assertEquals("ok", f.text("PRAGMA integrity_check"));
            assertEquals(null, f.text("PRAGMA foreign_key_check"));
            List<Long> seqs = f.numbers("SELECT seq FROM visit ORDER BY seq");
            assertTrue(seqs.containsAll(printed), "a visit reported as committed is missing");
            assertEquals(LongStream.rangeClosed(1, seqs.size()).boxed().toList(), seqs, "sequence has a gap");
            assertEquals(seqs, f.numbers("SELECT seq FROM outbox ORDER BY seq"), "visit without outbox row or vice versa");
            // the printed lines are a prefix of the sequence; at most one visit per round committed unprinted
            assertTrue(seqs.size() - printed.size() <= 3, seqs.size() + " stored, " + printed.size() + " printed");
            assertEquals(0, f.number("SELECT count(*) FROM visit v JOIN outbox o USING (seq) WHERE v.revision <> o.revision"));
        }
        // the store opens again and carries on after the last sequence
        try (SqliteVisitStore store = new SqliteVisitStore(data);
             VisitLogFile f = new VisitLogFile(data)) {
            long max = f.number("SELECT max(seq) FROM visit");
            VisitService service = new VisitService(store, () -> null, new SystemStationClock(), "crash-test",
                    ZoneId.of("Asia/Shanghai"));
            CheckInResult.Welcome r = assertInstanceOf(CheckInResult.Welcome.class,
                    service.checkInGuest(WorkerCategory.OTHER));
            assertEquals(max + 1, r.visit().sequence());
        }
    }

    /**
     * Runs one recorder until it reported some hundreds of commits, kills it, returns what it reported.
     * Its output goes to a file, not a pipe: a JVM drains and closes the pipe of a process that
     * died, under a reader still reading it, which lost the lines printed just before the kill.
     */
    private List<Long> runAndKill(Path data, int round) throws Exception {
        Path err = work.resolve("recorder-" + round + ".err");
        Path out = work.resolve("recorder-" + round + ".out");
        Process p = new ProcessBuilder(ChildJvm.command(List.of(), RecordingLoop.class, data.toString()))
                .redirectError(err.toFile())
                .redirectOutput(out.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        boolean reached = false;
        while (!reached && p.isAlive() && System.nanoTime() < deadline) {
            reached = completeLines(Files.readString(out, StandardCharsets.US_ASCII)).size() >= VISITS_BEFORE_KILL;
            if (!reached) {
                Thread.sleep(5);
            }
        }
        p.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no finally blocks
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "recorder did not die");
        assertTrue(reached, "recorder reported too few visits; stderr: " + Files.readString(err));
        assertEquals(137, p.exitValue(), "recorder ended otherwise than by SIGKILL; stderr: " + Files.readString(err));
        return completeLines(Files.readString(out, StandardCharsets.US_ASCII));
    }

    /** Only lines ended by a newline: a line cut short by the kill does not count. */
    private static List<Long> completeLines(String text) {
        List<Long> seqs = new ArrayList<>();
        int start = 0;
        for (int nl; (nl = text.indexOf('\n', start)) >= 0; start = nl + 1) {
            seqs.add(Long.parseLong(text.substring(start, nl).strip()));
        }
        return seqs;
    }
}
