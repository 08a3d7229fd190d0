package org.warmstation.kiosk.app;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.devices.pi4j.MockStation;
import org.warmstation.kiosk.ui.FxToolkit;
import org.warmstation.kiosk.ui.KioskViewModel;
import org.warmstation.kiosk.ui.Taps;
import org.warmstation.kiosk.ui.hardware.PeripheralPanel;

/**
 * The demo window on the headless platform with its peripherals on Pi4J's mock platform: a card
 * held up through the demo tray goes the real way (simulated camera, QR decoder, verifier, visit
 * service, SQLite) and its outcome reaches the mock pins, read back through Pi4J's listeners.
 */
class DemoPeripheralsUiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String[] PINS = {"light-green", "light-red", "light-amber", "buzzer", "door"};

    @TempDir
    Path dataDir;
    private DemoWindow window;
    private KioskRuntime runtime;
    private MockPins pins;

    @BeforeAll
    static void toolkit() {
        FxToolkit.start();
    }

    @BeforeEach
    void show() throws IOException {
        window = DemoWindow.show(dataDir, r -> {
            MockStation mock = r.mockStation().orElseThrow();
            pins = new MockPins(mock.context(), PINS);
        });
        runtime = window.runtime();
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
        }
    }

    private Node find(String selector) {
        return window.lookup(selector);
    }

    private void holdUp(String card) {
        FxToolkit.run(() -> ((Button) find("#demo-card-" + card)).fire());
    }

    @Test
    void validCardLightsTheGreenPinAndPulsesTheDoorRelayOffTheUiAndScanThreads() {
        holdUp("courier");
        FxToolkit.waitFor("the welcome screen", WAIT, () -> find("#screen-WELCOME") != null);
        FxToolkit.waitFor("the green light to go on and off again", WAIT,
                () -> pins.levels("light-green").equals(List.of(HIGH, LOW)));
        // the demo's door relay is active-low: energised (low) opens the door, released (high) locks it
        FxToolkit.waitFor("the door pulse to end", WAIT, () -> pins.levels("door").equals(List.of(LOW, HIGH)));

        assertEquals(List.of(), pins.levels("light-red"));
        assertEquals(List.of(), pins.levels("light-amber"));
        assertEquals(List.of(HIGH, LOW), pins.levels("buzzer"), "one beep");
        for (MockPins.Change c : pins.all()) {
            assertTrue(c.thread().startsWith("hw-"), "pin " + c.pin() + " written on thread '" + c.thread()
                    + "', not on a peripheral thread");
        }
    }

    @Test
    void rejectedCardFlashesTheRedPinAndLeavesTheDoorLocked() {
        holdUp("expired");
        FxToolkit.waitFor("the rejected screen", WAIT, () -> find("#screen-REJECTED") != null);
        FxToolkit.waitFor("four red flashes", WAIT,
                () -> pins.levels("light-red").equals(List.of(HIGH, LOW, HIGH, LOW, HIGH, LOW, HIGH, LOW)));
        assertEquals(List.of(), pins.levels("light-green"));
        assertEquals(List.of(), pins.levels("door"), "the door relay was never energised");
    }

    @Test
    void demoWindowShowsThePeripheralPanelBelowTheCardTrayFollowingTheMockStation() {
        Node panel = FxToolkit.call(() -> find("#peripheralPanel"));
        assertNotNull(panel, "no peripheral panel in the demo window");
        assertTrue(panel instanceof PeripheralPanel);
        assertEquals("peripheralSlot", FxToolkit.call(() -> panel.getParent().getId()));

        holdUp("courier");
        FxToolkit.waitFor("the panel to show the door open", WAIT,
                () -> "门锁 OPEN".equals(((Label) find("#peripheral-door")).getText()));
        FxToolkit.run(() -> ((Button) find("#demo-motion")).fire());
        FxToolkit.waitFor("the entry to be counted", WAIT,
                () -> ((Label) find("#peripheral-motion")).getText().endsWith("今日进入 1"));
    }

    @Test
    void staffMuteToggleSilencesTheBuzzerWhileTheLightStillShowsTheCheckIn() {
        KioskViewModel vm = runtime.viewModel();
        FxToolkit.run(() -> {
            vm.openStaff();
            "246810".chars().forEach(c -> vm.pinDigit(c - '0'));
            vm.pinSubmit();
        });
        FxToolkit.waitFor("the staff screen's mute toggle", WAIT, () -> find("#staff-mute") != null);
        FxToolkit.run(() -> Taps.tap(find("#staff-mute")));
        FxToolkit.waitFor("the buzzer to be muted", WAIT, () -> runtime.peripherals().feedback().muted()
                && ((javafx.scene.control.ToggleButton) find("#staff-mute")).isSelected());

        FxToolkit.run(vm::backToIdle);
        holdUp("courier");
        FxToolkit.waitFor("the green light to go on and off again", WAIT,
                () -> pins.levels("light-green").equals(List.of(HIGH, LOW)));
        assertEquals(List.of(), pins.levels("buzzer"), "a muted buzzer stays silent");
    }

    @Test
    void guestCheckInOnTheTouchScreenAlsoGetsTheAcceptedFeedback() {
        FxToolkit.run(() -> ((Button) find("#guest")).fire());
        FxToolkit.waitFor("the guest screen", WAIT, () -> find("#screen-GUEST") != null);
        FxToolkit.run(() -> ((Button) find("#category-COURIER")).fire());
        FxToolkit.waitFor("the welcome screen", WAIT, () -> find("#screen-WELCOME") != null);
        FxToolkit.waitFor("the green light", WAIT, () -> pins.levels("light-green").contains(HIGH));
    }
}
