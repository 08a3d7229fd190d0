package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import java.time.Instant;
import org.warmstation.protocol.ticket.TicketProblem;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.protocol.wire.TicketStatuses;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Ticket;
import org.warmstation.visitlog.store.SqliteTicketStore;
import org.warmstation.kiosk.ui.FxToolkit;
import org.warmstation.kiosk.ui.KioskViewModel;
import org.warmstation.kiosk.ui.TouchTargets;

/**
 * Screenshots of the real kiosk screen at the terminal's 1024x600, written to the folder named by
 * the system property {@code screenshots.dir} (the build folder under Maven; {@code ./station screenshots}
 * sets docs/screenshots), each checked for
 * buttons too small for gloves and for text outside the screen or clipped.
 */
@Tag("screenshots")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScreenshotTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    static DemoWindow window;
    static KioskRuntime runtime;
    static Scene scene;
    static Path out;

    @BeforeAll
    static void open() throws IOException {
        out = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
        Files.createDirectories(out);
        FxToolkit.start();
        window = DemoWindow.kiosk(dataDir, KioskRuntime.SCREEN_WIDTH, KioskRuntime.SCREEN_HEIGHT);
        runtime = window.runtime();
        scene = window.stage().getScene();
    }

    @AfterAll
    static void close() {
        if (window != null) {
            window.close();
        }
    }

    private static KioskViewModel vm() {
        return runtime.viewModel();
    }

    private static BufferedImage shoot(String name) throws IOException {
        BufferedImage img = FxToolkit.call(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            WritableImage fx = scene.snapshot(null);
            return SwingFXUtils.fromFXImage(fx, null);
        });
        ImageIO.write(img, "png", out.resolve(name + ".png").toFile());
        return img;
    }

    private static void assertFitsForGloves() {
        List<String> problems = FxToolkit.call(() -> TouchTargets.problems(scene.getRoot(), 96));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void waitForScreen(String screen) {
        FxToolkit.waitFor(screen, WAIT, () -> scene.lookup("#screen-" + screen) != null);
    }

    @Test
    @Order(1)
    void idle() throws IOException {
        waitForScreen("IDLE");
        FxToolkit.waitFor("the room reading of the demo's SHT3x", WAIT,
                () -> scene.lookup("#idle-room") instanceof Label l && l.getText().startsWith("室温 18.5 °C"));
        BufferedImage img = shoot("idle");
        assertEquals(KioskRuntime.SCREEN_WIDTH, img.getWidth());
        assertEquals(KioskRuntime.SCREEN_HEIGHT, img.getHeight());
        assertFitsForGloves();
    }

    @Test
    @Order(2)
    void welcome() throws IOException, InterruptedException {
        runtime.demoCamera().orElseThrow().show(runtime.demo().orElseThrow().card("rider").image());
        waitForScreen("WELCOME");
        runtime.demoCamera().orElseThrow().clear();
        FxToolkit.run(() -> {
            vm().toggleService(Service.HOT_WATER);
            vm().toggleService(Service.CHARGING);
        });
        waitForScreen("WELCOME");
        shoot("welcome");
        assertFitsForGloves();
        FxToolkit.run(() -> vm().toggleLanguage());
        shoot("welcome-en");
        assertFitsForGloves();

        Thread.sleep(2000); // the scanner reports a code again only after it was out of view for 10 frames (1 s)
        runtime.demoCamera().orElseThrow().show(runtime.demo().orElseThrow().card("rider").image());
        waitForScreen("ALREADY_CHECKED_IN");
        runtime.demoCamera().orElseThrow().clear();
        shoot("already-en");
        assertFitsForGloves();
        FxToolkit.run(() -> vm().toggleLanguage());
        shoot("already");
        assertFitsForGloves();
    }

    @Test
    @Order(3)
    void rejected() throws IOException {
        runtime.demoCamera().orElseThrow().show(runtime.demo().orElseThrow().card("expired").image());
        waitForScreen("REJECTED");
        runtime.demoCamera().orElseThrow().clear();
        shoot("rejected");
        assertFitsForGloves();
    }

    @Test
    @Order(4)
    void staff() throws IOException {
        // three people walk in past the PIR sensor; one of them checked in (the rider above)
        var mock = runtime.mockStation().orElseThrow();
        var states = mock.peripherals().states();
        for (int entries = 1; entries <= 3; entries++) {
            FxToolkit.waitFor("the PIR output to fall", WAIT, () -> !states.snapshot().motion());
            mock.motion();
            long expected = entries;
            FxToolkit.waitFor("entry " + entries, WAIT, () -> states.snapshot().entriesToday() == expected);
        }
        mock.room(6, 45);
        FxToolkit.waitFor("the low-temperature alert", WAIT, () -> vm().peripherals().lowTemperature());
        // for the picture only: a failing output, as a broken wire would report it
        states.status(org.warmstation.devices.PeripheralRole.BUZZER,
                org.warmstation.devices.PeripheralStatus.Health.FAILING, "GPIO 18: write failed (I/O error)");
        FxToolkit.run(() -> {
            vm().backToIdle();
            vm().openStaff();
            "246810".chars().forEach(c -> vm().pinDigit(c - '0'));
        });
        shoot("staff-pin");
        assertFitsForGloves();
        FxToolkit.run(() -> vm().pinSubmit());
        waitForScreen("STAFF");
        FxToolkit.waitFor("today's figures", WAIT, () -> vm().staff().usageProperty().get() != null
                && scene.lookup("#staff-person-visits") != null);
        assertEquals("1", FxToolkit.call(() -> ((Label) scene.lookup("#staff-person-visits")).getText()));
        FxToolkit.waitFor("the peripheral lines", WAIT, () -> scene.lookup("#staff-cold") != null
                && scene.lookup("#staff-failing-BUZZER") != null);
        assertEquals("今日进入 3 人次，其中未登记 2 人次",
                FxToolkit.call(() -> ((Label) scene.lookup("#staff-entries")).getText()));
        shoot("staff");
        assertFitsForGloves();
        FxToolkit.run(() -> vm().toggleLanguage());
        shoot("staff-en");
        assertFitsForGloves();
        FxToolkit.run(() -> vm().toggleLanguage());
        states.status(org.warmstation.devices.PeripheralRole.BUZZER,
                org.warmstation.devices.PeripheralStatus.Health.OK, "");
        mock.room(18.5, 45);
        FxToolkit.waitFor("the room warm again", WAIT, () -> !vm().peripherals().lowTemperature());
    }

    @Test
    @Order(5)
    void guestAndEnglishIdle() throws IOException {
        FxToolkit.run(() -> vm().backToIdle());
        FxToolkit.run(() -> vm().toggleLanguage());
        shoot("idle-en");
        assertFitsForGloves();
        FxToolkit.run(() -> vm().startGuest());
        shoot("guest-en");
        assertFitsForGloves();
        FxToolkit.run(() -> vm().toggleLanguage());
        shoot("guest");
        assertFitsForGloves();
        FxToolkit.run(() -> vm().backToIdle());
    }

    @Test
    @Order(6)
    void idleAndWelcomeInLargeText() throws IOException {
        FxToolkit.run(() -> {
            vm().backToIdle();
            vm().toggleLargeText();
        });
        waitForScreen("IDLE");
        FxToolkit.waitFor("the large-text idle screen", WAIT, () -> scene.lookup(".large-text") != null);
        shoot("idle-large-text");
        assertFitsForGloves();
        FxToolkit.run(() -> vm().startGuest());
        shoot("guest-large-text");
        assertFitsForGloves();
        FxToolkit.run(() -> {
            vm().backToIdle();
            vm().toggleLargeText();
        });
    }

    @Test
    @Order(7)
    void demoWindowWithTheCardTray() throws IOException {
        Scene demo = FxToolkit.call(() -> new Scene(runtime.root(() -> { })));
        Stage s = FxToolkit.call(() -> {
            Stage st = new Stage();
            st.setScene(demo);
            st.show();
            return st;
        });
        runtime.peripherals().feedback().accepted(); // as a card held up does: green, beep, door
        FxToolkit.waitFor("the panel to show the open door", WAIT,
                () -> demo.lookup("#peripheral-door") instanceof Label l && l.getText().endsWith("OPEN"));
        BufferedImage img = FxToolkit.call(() -> {
            demo.getRoot().applyCss();
            demo.getRoot().layout();
            BufferedImage b = SwingFXUtils.fromFXImage(demo.snapshot(null), null);
            s.close();
            return b;
        });
        ImageIO.write(img, "png", out.resolve("demo-window.png").toFile());
        assertTrue(img.getWidth() > KioskRuntime.SCREEN_WIDTH, "the card tray is beside the kiosk screen");
        assertEquals(KioskRuntime.SCREEN_HEIGHT, img.getHeight(), "the tray and the peripheral panel fit the screen's height");
    }

    @Test
    @Order(9)
    void tickets() throws IOException {
        FxToolkit.run(() -> {
            vm().backToIdle();
            vm().startReport();
        });
        waitForScreen("REPORT");
        shoot("ticket-report");
        assertFitsForGloves();
        FxToolkit.run(() -> vm().reportProblem(TicketProblem.NO_HOT_WATER));
        FxToolkit.waitFor("the thank-you line", WAIT, () -> scene.lookup("#report-thanks") instanceof Label l && l.isVisible());
        shoot("ticket-report-sent");

        FxToolkit.run(() -> {
            vm().backToIdle();
            vm().openStaff();
            "246810".chars().forEach(c -> vm().pinDigit(c - '0'));
            vm().pinSubmit();
        });
        waitForScreen("STAFF");
        FxToolkit.run(() -> vm().openStaffTickets());
        waitForScreen("STAFF_TICKETS");
        FxToolkit.run(() -> {
            vm().tickets().problemProperty().set(TicketProblem.HEATER_BROKEN);
            vm().tickets().textProperty().set("二楼东侧暖气片不热");
            vm().submitStaffTicket();
        });
        // the buzzer failed in the staff picture above: the terminal opened a ticket for it by itself
        FxToolkit.waitFor("three tickets listed", WAIT, () -> vm().tickets().tickets().size() == 3);
        List<Ticket> listed = FxToolkit.call(() -> List.copyOf(vm().tickets().tickets()));
        assertEquals(1, listed.stream().filter(t -> "BUZZER".equals(t.device())).count());
        Ticket water = listed.stream().filter(t -> t.problem() == TicketProblem.NO_HOT_WATER).findFirst().orElseThrow();
        Ticket buzzer = listed.stream().filter(t -> "BUZZER".equals(t.device())).findFirst().orElseThrow();
        try (SqliteTicketStore store = new SqliteTicketStore(dataDir)) { // as the district's TICKETS downlink does
            store.applyStatuses(new TicketStatuses(List.of(
                    new TicketStatuses.Entry(water.id(), TicketStatus.RESOLVED, Instant.now(), "zhang.wei"),
                    new TicketStatuses.Entry(buzzer.id(), TicketStatus.ACKNOWLEDGED, Instant.now(), "zhang.wei"))));
        }
        FxToolkit.run(() -> vm().backToStaff());
        waitForScreen("STAFF");
        FxToolkit.run(() -> vm().openStaffTickets());
        FxToolkit.waitFor("the district's statuses", WAIT, () -> scene.lookup("#ticket-" + water.id()) instanceof Label l
                && l.getProperties().get("status") == TicketStatus.RESOLVED);
        shoot("staff-tickets");
        assertFitsForGloves();
        FxToolkit.run(() -> vm().backToStaff());
        waitForScreen("STAFF");
        FxToolkit.waitFor("the tickets button", WAIT, () -> scene.lookup("#staff-tickets") instanceof Button b
                && b.getText().equals("报修（2 件未解决）"));
        shoot("staff-with-tickets");
        assertFitsForGloves();
        FxToolkit.run(() -> vm().backToIdle());
    }

    @Test
    @Order(10)
    void closedIdleWithTheNearestOpenStation() throws IOException {
        FxToolkit.run(() -> vm().backToIdle());
        ClosedHoursUiTest.closeTodayWithNeighbours(dataDir, null);
        FxToolkit.waitFor("the closed notice", WAIT, () -> scene.lookup("#idle-nearest") instanceof Label l
                && l.isVisible() && l.getText().startsWith("最近开放：东大桥驿站"));
        shoot("idle-closed");
        assertFitsForGloves();
        FxToolkit.run(() -> vm().toggleLanguage());
        shoot("idle-closed-en");
        assertFitsForGloves();
        FxToolkit.run(() -> {
            vm().toggleLanguage();
            vm().openStaff();
            "246810".chars().forEach(c -> vm().pinDigit(c - '0'));
            vm().pinSubmit();
        });
        waitForScreen("STAFF");
        FxToolkit.waitFor("the staff's closed line", WAIT, () -> scene.lookup("#staff-closed") instanceof Label l
                && l.isVisible());
        shoot("staff-closed");
        assertFitsForGloves();
        FxToolkit.run(() -> vm().backToIdle());
        Files.delete(dataDir.resolve("station-settings.json"));
        Files.delete(dataDir.resolve(StationSettingsFile.NEIGHBOURS));
        FxToolkit.waitFor("open again", WAIT, () -> vm().closedProperty().get() == null);
    }

    @Test
    @Order(8)
    void chineseGlyphsRenderAsDistinctShapesNotTofuBoxes() {
        int[] hot = glyph("热");
        int[] water = glyph("水");
        assertTrue(Arrays.stream(hot).anyMatch(p -> p != hot[0]), "nothing drawn for 热");
        assertNotEquals(Arrays.hashCode(hot), Arrays.hashCode(water), "热 and 水 look the same: missing CJK font (tofu)");
    }

    private static int[] glyph(String text) {
        return FxToolkit.call(() -> {
            Label l = new Label(text);
            l.setStyle("-fx-font-size: 48px; -fx-text-fill: black;");
            StackPane p = new StackPane(l);
            p.setStyle("-fx-background-color: white;");
            Scene s = new Scene(p, 64, 64);
            WritableImage img = s.snapshot(null);
            int[] px = new int[64 * 64];
            img.getPixelReader().getPixels(0, 0, 64, 64, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, 64);
            return px;
        });
    }
}
