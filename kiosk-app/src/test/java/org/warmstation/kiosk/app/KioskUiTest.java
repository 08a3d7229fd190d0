package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.kiosk.ui.FxToolkit;
import org.warmstation.kiosk.ui.Taps;
import org.warmstation.kiosk.ui.TouchTargets;

/**
 * The real kiosk window on the headless platform: the demo's rendered card images go through the
 * simulated camera (ManualFrameSource), CameraScanner and ZXing, the verifier, the visit service
 * and SQLite in a temporary directory; taps are mouse presses at the buttons' centres.
 */
class KioskUiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    private DemoWindow window;
    private KioskRuntime runtime;

    @BeforeAll
    static void toolkit() {
        FxToolkit.start();
    }

    @BeforeEach
    void show() throws IOException {
        window = DemoWindow.show(dataDir);
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

    private boolean selected(String selector) {
        if (find(selector) instanceof ToggleButton t) {
            return t.isSelected();
        }
        throw new AssertionError("no " + selector + " on screen " + runtime.viewModel().screenProperty().get());
    }

    private void showCard(String id) {
        FxToolkit.run(() -> ((Button) find("#demo-card-" + id)).fire());
    }

    private List<Visit> visits() {
        Instant now = Instant.now();
        return runtime.store().between(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
    }

    @Test
    void cardShownToTheCameraIsWelcomedAndTwoTappedServicesAreStored() {
        showCard("courier");
        FxToolkit.waitFor("the welcome screen", WAIT, () -> find("#screen-WELCOME") != null);
        assertEquals(1, visits().size());

        FxToolkit.run(() -> Taps.tap(find("#service-HOT_WATER")));
        FxToolkit.waitFor("hot water selected", WAIT, () -> selected("#service-HOT_WATER"));
        FxToolkit.run(() -> Taps.tap(find("#service-CHARGING")));
        FxToolkit.waitFor("charging selected", WAIT, () -> selected("#service-CHARGING"));

        Set<Service> expected = Set.of(Service.HOT_WATER, Service.CHARGING);
        long end = System.nanoTime() + WAIT.toNanos();
        while (!visits().getFirst().services().equals(expected) && System.nanoTime() < end) {
            pause();
        }
        List<Visit> stored = visits();
        assertEquals(1, stored.size());
        assertEquals(expected, stored.getFirst().services());
        assertEquals(org.warmstation.protocol.card.WorkerCategory.COURIER, stored.getFirst().category());
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void expiredCardShowsTheRejectedScreenAndRecordsNothing() {
        showCard("expired");
        FxToolkit.waitFor("the rejected screen", WAIT, () -> find("#screen-REJECTED") != null);
        String reason = FxToolkit.call(() -> ((Label) find("#reason")).getText());
        assertEquals("此会员卡已过期", reason);
        assertEquals(List.of(), visits());
    }

    @Test
    void keyboardWedgeScannerTypingACodeChecksItIn() {
        String token = runtime.demo().orElseThrow().card("police").qrText();
        FxToolkit.run(() -> {
            for (char c : (token + "\r").toCharArray()) {
                window.stage().getScene().getRoot().fireEvent(new javafx.scene.input.KeyEvent(javafx.scene.input.KeyEvent.KEY_TYPED,
                        String.valueOf(c), "", javafx.scene.input.KeyCode.UNDEFINED, false, false, false, false));
            }
        });
        FxToolkit.waitFor("the welcome screen", WAIT, () -> find("#screen-WELCOME") != null);
        assertEquals(org.warmstation.protocol.card.WorkerCategory.TRAFFIC_POLICE, visits().getFirst().category());
    }

    @Test
    void kioskScreenFitsTheSevenInchPanelAndButtonsAreBigEnoughForGloves() {
        FxToolkit.run(() -> ((Button) find("#guest")).fire());
        FxToolkit.waitFor("the guest screen", WAIT, () -> find("#screen-GUEST") != null);
        List<String> problems = FxToolkit.call(() -> TouchTargets.problems(find("#screen-GUEST"), 96));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
