package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.kiosk.ui.FxToolkit;
import org.warmstation.kiosk.ui.Screen;
import org.warmstation.protocol.card.StaffPin;
import org.warmstation.protocol.wire.HoursException;
import org.warmstation.protocol.wire.Neighbour;
import org.warmstation.protocol.wire.Neighbours;
import org.warmstation.protocol.wire.OpeningHours;
import org.warmstation.protocol.wire.StationHours;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Wire;

/**
 * The district's opening hours and neighbours on the real kiosk (headless platform), written as
 * the sync agent writes them: outside the hours the idle screen says when the station opens and
 * names the nearest station open now, refuses check-in until staff unlock it behind the PIN, and
 * a PIN the district reset opens the staff screen; all without a restart.
 */
class ClosedHoursUiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    private DemoWindow window;
    private KioskRuntime runtime;

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

    /**
     * Writes settings closing the station today (open daily 07:00-22:00 otherwise) and three
     * neighbours: the nearest closed today, the next open until {@code closes}, a far one always
     * open. Times are relative to the real clock, which the demo uses.
     *
     * @return the closing time of the open neighbour as the screen writes it
     */
    static String closeTodayWithNeighbours(Path dir, String staffPin) throws IOException {
        LocalDateTime now = LocalDateTime.now(ZoneId.of("Asia/Shanghai"));
        LocalDate today = now.toLocalDate();
        var daily = OpeningHours.parse("MON-SUN 07:00-22:00");
        var hours = new StationHours(daily, List.of(new HoursException(today, List.of(), "检修")));
        String closes = now.getHour() < 21 ? "22:00" : "23:59";
        var openToday = new StationHours(daily, List.of(new HoursException(today, List.of("00:00-" + closes), null)));
        var neighbours = new Neighbours(List.of(
                new Neighbour("CY-0003", "三里屯驿站", 400, hours),
                new Neighbour("CY-0001", "东大桥驿站", 600, openToday),
                new Neighbour("CY-0009", "呼家楼驿站", 2300, null)));
        Files.write(dir.resolve("station-settings.json"), Wire.encode(new StationSettings(0,
                StationSettings.SERVICES, null, 2, hours, null, staffPin)));
        Files.write(dir.resolve(StationSettingsFile.NEIGHBOURS), Wire.encode(neighbours));
        return closes.equals("22:00") ? "22:00" : "23:59";
    }

    private String text(String selector) {
        return FxToolkit.call(() -> window.lookup(selector) instanceof Label l && l.isVisible() ? l.getText() : null);
    }

    private boolean visible(String selector) {
        return FxToolkit.call(() -> window.lookup(selector) instanceof Node n && n.isVisible());
    }

    private void enterPin(String pin) {
        FxToolkit.run(() -> {
            var vm = runtime.viewModel();
            vm.backToIdle();
            vm.openStaff();
            pin.chars().forEach(c -> vm.pinDigit(c - '0'));
            vm.pinSubmit();
        });
    }

    @Test
    void outsideTheHoursTheIdleScreenNamesTheOpeningAndTheNearestOpenStationAndStaffCanUnlock() throws Exception {
        window = DemoWindow.show(dataDir);
        runtime = window.runtime();
        String closes = closeTodayWithNeighbours(dataDir, null);
        FxToolkit.waitFor("the closed notice", WAIT, () -> window.lookup("#idle-closed") instanceof Label l
                && l.isVisible());
        assertEquals("本站已闭站，明天 7:00 开放", text("#idle-closed"));
        assertEquals("最近开放：东大桥驿站 600 米，营业至 " + closes, text("#idle-nearest"),
                "the nearer 三里屯驿站 is closed today");
        assertFalse(visible("#guest"), "no guest check-in while closed");
        assertFalse(visible("#prompt"));

        String rider = runtime.demo().orElseThrow().card("rider").qrText();
        FxToolkit.run(() -> runtime.viewModel().scanned(rider));
        assertEquals(Screen.IDLE, FxToolkit.call(() -> runtime.viewModel().screenProperty().get()));
        assertFalse(FxToolkit.call(() -> runtime.viewModel().busyProperty().get()), "the scan was not checked in");

        FxToolkit.run(() -> runtime.viewModel().toggleLanguage());
        FxToolkit.waitFor("English", WAIT, () -> String.valueOf(textFxOrNull("#idle-closed")).startsWith("Closed"));
        assertEquals("Closed, opens tomorrow at 7:00", text("#idle-closed"));
        assertEquals("Nearest open: 东大桥驿站 600 m, open until " + closes, text("#idle-nearest"));
        FxToolkit.run(() -> runtime.viewModel().toggleLanguage());

        enterPin(DemoStation.STAFF_PIN);
        FxToolkit.waitFor("the staff screen", WAIT, () -> runtime.viewModel().screenProperty().get() == Screen.STAFF);
        FxToolkit.waitFor("the staff's closed line", WAIT, () -> textFxOrNull("#staff-closed") != null);
        String staffLine = text("#staff-closed");
        assertEquals("已停止签到 · 本站已闭站，明天 7:00 开放", staffLine);
        assertEquals("最近开放：东大桥驿站 600 米，营业至 " + closes, text("#staff-nearest"));
        FxToolkit.run(() -> ((Button) window.lookup("#staff-unlock")).fire());
        assertTrue(FxToolkit.call(() -> runtime.viewModel().checkInUnlockedProperty().get()));
        assertEquals("停止签到", FxToolkit.call(() -> ((Button) window.lookup("#staff-unlock")).getText()));
        FxToolkit.run(() -> runtime.viewModel().backToIdle());
        FxToolkit.waitFor("the unlocked idle screen", WAIT, () -> textFxOrNull("#idle-unlocked") != null);
        assertTrue(visible("#guest"));
        FxToolkit.run(() -> runtime.viewModel().scanned(rider));
        FxToolkit.waitFor("the welcome screen", WAIT,
                () -> runtime.viewModel().screenProperty().get() == Screen.WELCOME);
    }

    @Test
    void aStaffPinResetByTheDistrictReplacesTheOldOne() throws Exception {
        window = DemoWindow.show(dataDir);
        runtime = window.runtime();
        closeTodayWithNeighbours(dataDir, StaffPin.hash("135790".toCharArray()).encoded());
        FxToolkit.waitFor("the settings read", WAIT, () -> textFxOrNull("#idle-closed") != null);
        enterPin(DemoStation.STAFF_PIN);
        FxToolkit.waitFor("the old PIN refused", WAIT,
                () -> runtime.viewModel().staff().pinLengthProperty().get() == 0
                        && window.lookup("#pin-message") instanceof Label l && !l.getText().isEmpty());
        assertEquals(Screen.STAFF_PIN, FxToolkit.call(() -> runtime.viewModel().screenProperty().get()));
        enterPin("135790");
        FxToolkit.waitFor("the staff screen with the new PIN", WAIT,
                () -> runtime.viewModel().screenProperty().get() == Screen.STAFF);
    }

    @Test
    void theDistrictsColdAlertAndServicesTakeEffectWithoutARestart() throws Exception {
        window = DemoWindow.show(dataDir);
        runtime = window.runtime();
        FxToolkit.waitFor("the demo room reading (18.5 °C, configured alert 10 °C)", WAIT,
                () -> runtime.viewModel().peripherals().ambient().isPresent());
        assertFalse(FxToolkit.call(() -> runtime.viewModel().peripherals().lowTemperature()));
        Files.write(dataDir.resolve("station-settings.json"), Wire.encode(new StationSettings(0,
                List.of("HOT_WATER", "WARM_UP"), null, 3, null, 20.0, null)));
        FxToolkit.waitFor("18.5 °C is below the district's 20 °C alert", WAIT,
                () -> runtime.viewModel().peripherals().lowTemperature());
        assertEquals(java.util.Set.of(org.warmstation.visitlog.domain.Service.HOT_WATER,
                org.warmstation.visitlog.domain.Service.WARM_UP), FxToolkit.call(() -> runtime.viewModel().offeredServices()));
        Files.delete(dataDir.resolve("station-settings.json"));
        FxToolkit.waitFor("the configured 10 °C alert again", WAIT,
                () -> !runtime.viewModel().peripherals().lowTemperature());
    }

    /** FX thread only */
    private String textFxOrNull(String selector) {
        return window.lookup(selector) instanceof Label l && l.isVisible() ? l.getText() : null;
    }
}
