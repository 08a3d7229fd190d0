package org.warmstation.visitlog.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.visitlog.testing.ChildJvm;

/**
 * Opening the visit log logs no Flyway WARN about its outOfOrder setting (it did, once per schema
 * and open, at every start of the kiosk), in a JVM whose default log level is WARN.
 */
class QuietMigrationTest {
    @TempDir
    Path dir;

    private String run() throws Exception {
        Process p = new ProcessBuilder(ChildJvm.command(List.of(), NativeLoadProbe.class, "store",
                dir.resolve("data").toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        return out;
    }

    @Test
    void creatingAndReopeningTheVisitLogLogsNoOutOfOrderWarning() throws Exception {
        String created = run();
        String reopened = run();
        assertTrue(created.contains("OK store seq=1"), created);
        assertTrue(reopened.contains("OK store seq=2"), reopened);
        assertFalse((created + reopened).contains("outOfOrder"), created + reopened);
    }
}
