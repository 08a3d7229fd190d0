package org.warmstation.sync.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.sync.testing.Await;
import org.warmstation.sync.testing.Backlog;
import org.warmstation.sync.testing.ChildAgent;

/**
 * Issue 3, "done when" 4: the terminal (the sync agent in its own JVM, over its SQLite visit
 * log) is killed with SIGKILL during a backlog replay and restarted: nothing lost, nothing
 * duplicated at the real district server.
 */
class TerminalKilledE2eTest {
    private static final int VISITS = 6000;

    @RegisterExtension
    static final SyncE2e E2E = new SyncE2e();
    private static Process terminal;

    @AfterAll
    static void stop() throws Exception {
        if (terminal != null) {
            terminal.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String log() {
        try {
            return Files.readString(E2E.dir().resolve("terminal.log"));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    @Test
    void terminalKilledDuringReplayLosesAndDuplicatesNothingAtTheDistrict() throws Exception {
        String st = "sigkill-e2e";
        Path dir = E2E.dir().resolve(st);
        Set<UUID> recorded = Backlog.fill(dir, st, VISITS);
        terminal = ChildAgent.launch(E2E.dir().resolve("terminal.log"), "256m", E2E.broker().url(), st, dir.toString(), "1500");
        Await.until(Duration.ofSeconds(90), "replay under way", () -> E2E.district().count() >= VISITS / 4,
                () -> E2E.district().count() + " stored; " + log());
        terminal.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        long atKill = E2E.district().count();
        long waitingAtKill = Backlog.waiting(dir);
        assertTrue(waitingAtKill > 0, "killed after the replay ended");

        terminal = ChildAgent.launch(E2E.dir().resolve("terminal.log"), "256m", E2E.broker().url(), st, dir.toString(), "1500");
        Await.until(Duration.ofSeconds(120), "replay finished after the restart",
                () -> Backlog.waiting(dir) == 0 && E2E.district().count() == VISITS,
                () -> E2E.district().count() + " stored, waiting " + Backlog.waiting(dir) + "; " + log());
        System.out.printf("[figures] terminal SIGKILLed with %d of %d stored at the district and %d unconfirmed in "
                + "its outbox; after the restart all %d stored once%n", atKill, VISITS, waitingAtKill, VISITS);
        assertEquals(recorded, E2E.district().uuids());
        assertEquals(VISITS, E2E.district().distinctStationSeqs());
    }
}
