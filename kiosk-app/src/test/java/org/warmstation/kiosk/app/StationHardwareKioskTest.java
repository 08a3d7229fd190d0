package org.warmstation.kiosk.app;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.pi4j.Pi4jPeripherals;
import org.warmstation.devices.pi4j.Pi4jPlatform;
import org.warmstation.kiosk.config.ConfigException;
import org.warmstation.protocol.card.StaffPin;
import org.warmstation.kiosk.config.StationConfig;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.kiosk.ui.FxTaskExecutor;
import org.warmstation.kiosk.ui.FxToolkit;
import org.warmstation.kiosk.ui.KioskView;
import org.warmstation.kiosk.ui.KioskViewModel;
import org.warmstation.kiosk.ui.Screen;
import org.warmstation.kiosk.ui.Taps;

/**
 * A station kiosk assembled from its configuration ({@link KioskRuntime#fromConfig}) with the
 * peripherals of its {@code hardware.*} keys on Pi4J's mock platform, the real visit service and
 * SQLite, and the kiosk screen on the headless JavaFX platform.
 */
class StationHardwareKioskTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path demoDir;
    static DemoStation demo;

    @TempDir
    Path dir;
    private final Context pi4j = Pi4jPlatform.newMockContext();
    private KioskRuntime runtime;
    private Stage stage;

    @BeforeAll
    static void prepare() throws IOException {
        FxToolkit.start();
        demo = DemoStation.prepare(demoDir, LocalDate.now(DemoStation.ZONE));
    }

    @AfterEach
    void close() {
        if (stage != null) {
            FxToolkit.run(stage::close);
        }
        if (runtime != null) {
            runtime.close();
        }
        pi4j.shutdown();
    }

    private KioskViewModel open(Map<String, String> hardware) throws ConfigException {
        Map<String, String> p = new HashMap<>(Map.of(
                "station.id", "CY-0042", "station.name", "朝阳区望京街道暖心驿站", "district.id", "110105",
                "location.latitude", "39.9961", "location.longitude", "116.47", "broker.url", "tcp://localhost:1883",
                "trust.file", demoDir.resolve("trust-list.txt").toString(),
                "deny.file", demoDir.resolve("deny-list.txt").toString(),
                "scanner.source", "none", "data.dir", dir.resolve("data").toString()));
        p.put("staff.pin", StaffPin.hash("246810".toCharArray()).encoded());
        p.putAll(hardware);
        StationConfig config = StationConfig.parse(p, dir.resolve("station.properties"));
        Clock clock = Clock.system(config.zone());
        runtime = KioskRuntime.fromConfig(config, new FxTaskExecutor(), keys -> StationHardware.open(keys, clock,
                c -> Pi4jPeripherals.open(c, pi4j, clock, "mock", false)));
        KioskViewModel vm = runtime.viewModel();
        stage = FxToolkit.call(() -> {
            Stage s = new Stage();
            Scene scene = new Scene(new KioskView(vm).root(), KioskRuntime.SCREEN_WIDTH, KioskRuntime.SCREEN_HEIGHT);
            s.setScene(scene);
            s.show();
            runtime.start(scene);
            return s;
        });
        return vm;
    }

    private void scan(KioskViewModel vm, String card, Screen expected) {
        FxToolkit.run(() -> vm.scanned(demo.card(card).qrText()));
        FxToolkit.waitFor(expected + " screen", WAIT, () -> vm.screenProperty().get() == expected);
    }

    private javafx.scene.Node find(String selector) {
        return stage.getScene().lookup(selector);
    }

    @Test
    void wrongHardwareKeysAreShownOnTheStaffScreenAndTheKioskChecksInWithoutPeripherals() throws Exception {
        KioskViewModel vm = open(Map.of("hardware.door.pin", "23", "hardware.door.pulse", "three seconds"));
        assertEquals(Set.of(), runtime.peripherals().states().snapshot().present());
        assertFalse(pi4j.registry().exists("door"), "no door pin claimed");

        scan(vm, "courier", Screen.WELCOME);
        assertEquals(1, runtime.visitService().usageOn(LocalDate.now(DemoStation.ZONE)).personVisits());

        FxToolkit.run(() -> {
            vm.openStaff();
            "246810".chars().forEach(c -> vm.pinDigit(c - '0'));
            vm.pinSubmit();
        });
        FxToolkit.waitFor("the staff screen", WAIT, () -> find("#staff-config-problem") != null);
        String shown = FxToolkit.call(() -> ((Label) find("#staff-config-problem")).getText());
        assertTrue(shown.startsWith("外设设置有误") && shown.contains("hardware.door.pulse"), shown);
        assertTrue(vm.staff().peripherals().configProblem().contains("hardware.door.pulse"));
    }

    @Test
    void onlyConfiguredRolesArePresentAndTheyShowTheCheckIn() throws Exception {
        KioskViewModel vm = open(Map.of("hardware.light.green.pin", "17", "hardware.light.red.pin", "27",
                "hardware.door.pin", "23", "hardware.door.activeLow", "true", "hardware.door.pulse", "PT0.5S"));
        assertEquals(Set.of(PeripheralRole.STATUS_LIGHT, PeripheralRole.DOOR),
                runtime.peripherals().states().snapshot().present());
        assertFalse(pi4j.registry().exists("buzzer"));
        assertFalse(FxToolkit.call(() -> find("#idle-room").isVisible()), "no room reading without an ambient sensor");
        MockPins pins = new MockPins(pi4j, "light-green", "light-red", "door");

        scan(vm, "courier", Screen.WELCOME);
        FxToolkit.waitFor("the door pulse", WAIT, () -> pins.levels("door").equals(List.of(LOW, HIGH)));
        FxToolkit.waitFor("the green light", WAIT, () -> pins.levels("light-green").equals(List.of(HIGH, LOW)));

        FxToolkit.run(vm::backToIdle);
        scan(vm, "revoked", Screen.REJECTED);
        FxToolkit.waitFor("the red light", WAIT, () -> pins.levels("light-red").contains(HIGH));
        assertEquals(List.of(LOW, HIGH), pins.levels("door"), "a rejected card does not open the door");
        assertNotNull(find("#screen-REJECTED"));
    }

    @Test
    void aTouchAndMotionWakeTheDimmedBacklight() throws Exception {
        Path backlight = Files.createDirectories(dir.resolve("sys/10-0045"));
        Files.writeString(backlight.resolve("max_brightness"), "255\n");
        Files.writeString(backlight.resolve("brightness"), "255\n");
        open(Map.of("hardware.motion.pin", "24", "hardware.motion.debounce", "PT0.05S",
                "hardware.backlight.path", backlight.toString(), "hardware.backlight.idle", "PT5S",
                "hardware.backlight.dimPercent", "10"));

        FxToolkit.waitFor("the screen to dim", WAIT, () -> brightness(backlight) == 26);
        FxToolkit.run(() -> Taps.tap(find("#clock-time")));
        FxToolkit.waitFor("a touch to wake it", WAIT, () -> brightness(backlight) == 255);

        FxToolkit.waitFor("the screen to dim again", WAIT, () -> brightness(backlight) == 26);
        MockDigitalInput pir = pi4j.io("motion");
        pir.mockState(DigitalState.HIGH);
        FxToolkit.waitFor("motion to wake it", WAIT, () -> brightness(backlight) == 255);
        assertEquals(1, runtime.peripherals().states().snapshot().entriesToday());
    }

    private static int brightness(Path dir) {
        try {
            return Integer.parseInt(Files.readString(dir.resolve("brightness")).strip());
        } catch (IOException | NumberFormatException e) {
            return -1; // caught between the truncation and the write of the new level
        }
    }
}
