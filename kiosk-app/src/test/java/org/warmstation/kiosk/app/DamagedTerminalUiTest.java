package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.ui.FxToolkit;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.visitlog.outbox.SqliteRecordOutbox;
import org.warmstation.visitlog.store.LogEpoch;
import org.warmstation.visitlog.store.VisitLogDatabase;

/**
 * A terminal whose visit log is damaged (issue 13 item 5), on the real demo kiosk on the headless
 * platform: the file is set aside byte for byte, a fresh log starts under a new epoch, the
 * "terminal damaged — call the district" screen shows, a fault ticket is queued for the district,
 * and check-in goes on in the fresh log. Tagged {@code screenshots}: {@code ./station screenshots}
 * writes its picture into docs/screenshots.
 */
@org.junit.jupiter.api.Tag("screenshots")
class DamagedTerminalUiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    private DemoWindow window;

    @BeforeAll
    static void toolkit() {
        FxToolkit.start();
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
        }
    }

    @Test
    void corruptVisitLogIsSetAsideAndTheKioskSaysTerminalDamagedReportsItAndChecksInOnAFreshLog() throws Exception {
        UUID oldEpoch = LogEpoch.of(dataDir).orElseThrow();
        byte[] garbage = "a card reader's power cut mid write ".repeat(300).getBytes(StandardCharsets.US_ASCII);
        byte[] wal = "half a WAL frame ".repeat(64).getBytes(StandardCharsets.US_ASCII);
        Files.write(VisitLogDatabase.file(dataDir), garbage);
        Files.write(dataDir.resolve("visits.db-wal"), wal);

        window = DemoWindow.show(dataDir);

        FxToolkit.waitFor("the damaged screen", WAIT, () -> find("#screen-DAMAGED") != null);
        assertEquals("终端故障，请联系区工会", FxToolkit.call(() -> ((Label) find("#damaged-title")).getText()));
        List<String> small = FxToolkit.call(() -> org.warmstation.kiosk.ui.TouchTargets.problems(find("#screen-DAMAGED"), 96));
        assertTrue(small.isEmpty(), String.join("\n", small));
        shoot("kiosk-damaged");
        Path aside = setAside(".db");
        assertArrayEquals(garbage, Files.readAllBytes(aside), "the damaged log is kept byte for byte");
        assertArrayEquals(wal, Files.readAllBytes(setAside(".db-wal")), "its WAL went with it");
        UUID newEpoch = LogEpoch.of(dataDir).orElseThrow();
        assertNotEquals(oldEpoch, newEpoch, "the fresh log has a new epoch");

        WireRecord ticket = awaitTicket();
        assertEquals("VISIT_LOG", ticket.body().get("device").asText());
        assertEquals("TERMINAL", ticket.body().get("source").asText());
        String text = ticket.body().get("text").asText();
        assertTrue(text.contains(aside.getFileName().toString()) && text.contains(newEpoch.toString()), text);

        FxToolkit.run(() -> ((Button) find("#damaged-continue")).fire());
        FxToolkit.waitFor("the idle screen with the damaged banner", WAIT,
                () -> find("#screen-IDLE") != null && find("#damaged-banner").isVisible());
        FxToolkit.run(() -> ((Button) find("#demo-card-courier")).fire());
        FxToolkit.waitFor("the welcome screen", WAIT, () -> find("#screen-WELCOME") != null);
        Instant now = Instant.now();
        assertEquals(1, window.runtime().store().between(now.minus(Duration.ofDays(1)), now.plusSeconds(60)).size(),
                "the fresh log records the check-in");
    }

    /** The screen as a picture in the build folder ({@code screenshots.dir}), to look at. */
    private void shoot(String name) throws java.io.IOException {
        Path out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        java.awt.image.BufferedImage img = FxToolkit.call(() -> {
            javafx.scene.SnapshotParameters dark = new javafx.scene.SnapshotParameters();
            dark.setFill(javafx.scene.paint.Color.web("#14181d")); // the scene's .root background
            return javafx.embed.swing.SwingFXUtils.fromFXImage(find("#screen-DAMAGED").snapshot(dark, null), null);
        });
        javax.imageio.ImageIO.write(img, "png", out.resolve(name + ".png").toFile());
    }

    private Node find(String selector) {
        return window.lookup(selector);
    }

    private Path setAside(String suffix) throws Exception {
        try (Stream<Path> files = Files.list(dataDir)) {
            List<Path> found = files.filter(p -> p.getFileName().toString().startsWith("visits-damaged-")
                    && p.getFileName().toString().endsWith(suffix)).toList();
            assertEquals(1, found.size(), "one set-aside " + suffix + ": " + found);
            return found.getFirst();
        }
    }

    private WireRecord awaitTicket() throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try (SqliteRecordOutbox tickets = new SqliteRecordOutbox(dataDir, RecordKind.TICKET)) {
            while (System.nanoTime() < deadline) {
                List<WireRecord> due = tickets.due(0, 10, Instant.now(), Duration.ZERO);
                if (!due.isEmpty()) {
                    assertEquals(1, due.size(), "one fault report");
                    return due.getFirst();
                }
                Thread.sleep(50);
            }
        }
        throw new AssertionError("no fault ticket queued for the district within " + WAIT);
    }
}
