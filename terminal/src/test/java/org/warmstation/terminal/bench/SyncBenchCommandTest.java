package org.warmstation.terminal.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.wire.WireVisit;
import org.warmstation.provisioning.CliRun;
import org.warmstation.terminal.StationCli;
import org.warmstation.visitlog.outbox.SqliteOutbox;

/** {@code station sync-bench} on a small backlog against its own Mosquitto, and its end signal. */
class SyncBenchCommandTest {
    private static final Duration RESEND = Duration.ofSeconds(60);

    @Test
    void syncBenchPrintsTheRawLoopTheDrainAndTheirRatioForEachRoundAndCountsNoWarmUpRound() {
        CliRun r = CliRun.run(StationCli.commandLine(), "sync-bench", "--visits", "500", "--rounds", "3",
                "--warmup", "1");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(rate(r.out(), "warm-up 1 sync agent backlog drain") > 0, r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("warm-up 1 agent / ceiling") && l.endsWith("(not counted)")),
                r.out());
        List<Double> ratios = new java.util.ArrayList<>();
        for (int round = 1; round <= 3; round++) {
            assertTrue(rate(r.out(), "round " + round + " raw Paho QoS 1 publish loop") > 0, r.out());
            assertTrue(rate(r.out(), "round " + round + " sync agent backlog drain") > 0, r.out());
            ratios.add(rate(r.out(), "round " + round + " agent / ceiling"));
        }
        assertFalse(r.out().contains("round 4"), r.out());
        java.util.Collections.sort(ratios);
        assertEquals(ratios.get(1), rate(r.out(), "agent / ceiling, median of 3"), r.out());
    }

    @Test
    void syncBenchRefusesANegativeWarmUp() {
        CliRun r = CliRun.run(StationCli.commandLine(), "sync-bench", "--warmup", "-1");
        assertTrue(r.exitCode() != 0, r.toString());
        assertTrue(r.err().contains("--warmup >= 0"), r.toString());
    }

    @Test
    void theCountingOutboxTellsWhenTheLastEntryIsConfirmedAndNotBefore(@TempDir Path dir) throws Exception {
        BenchBacklog.fill(dir, "cy-0042", 5);
        try (SqliteOutbox outbox = new SqliteOutbox(dir)) {
            ConfirmCountingOutbox counted = new ConfirmCountingOutbox(outbox, 5);
            List<WireVisit> due = counted.due(0, 10, Instant.now(), RESEND);
            assertEquals(3, counted.confirm(due.subList(0, 3), Instant.now()));
            assertEquals(0, counted.confirm(due.subList(0, 3), Instant.now()), "a duplicate ack counts nothing");
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> counted.awaitTarget(Duration.ofMillis(50)));
            assertTrue(e.getMessage().startsWith("3 of 5 entries confirmed"), e.getMessage());
            long before = System.nanoTime();
            assertEquals(2, counted.confirmSent(List.of(new org.warmstation.visitlog.outbox.TypedOutbox.Sent<>(
                    due.subList(3, 5), Instant.now(), false)), Instant.now()));
            long reached = counted.awaitTarget(Duration.ofSeconds(5));
            assertTrue(reached >= before && reached <= System.nanoTime(), "the time the fifth was confirmed");
            assertEquals(0, outbox.stats(Instant.now()).waiting());
        }
    }

    private static double rate(String out, String label) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + " *: *([0-9,]+) ").matcher(out);
        assertTrue(m.find(), "no line '" + label + "' in:\n" + out);
        return Double.parseDouble(m.group(1).replace(",", ""));
    }
}
