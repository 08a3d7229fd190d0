package org.warmstation.kiosk.ui.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javafx.scene.control.Label;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.warmstation.devices.AmbientReading;
import org.warmstation.devices.LightColor;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.PeripheralStatus.Health;
import org.warmstation.devices.peripherals.PeripheralStates;
import org.warmstation.kiosk.ui.FxToolkit;

class PeripheralPanelTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-15T04:00:00Z"), ZoneId.of("Asia/Shanghai"));

    @BeforeAll
    static void fx() {
        FxToolkit.start();
    }

    private static String text(PeripheralPanel panel, String id) {
        Label l = (Label) panel.lookup("#" + id);
        return l == null ? null : l.getText();
    }

    @Test
    void showsChangesMadeOnAPeripheralThread() throws Exception {
        var states = new PeripheralStates(EnumSet.allOf(PeripheralRole.class), clock);
        PeripheralPanel panel = FxToolkit.call(() -> new PeripheralPanel(states));
        assertEquals("门锁 locked", FxToolkit.call(() -> text(panel, "peripheral-door")));

        Thread worker = new Thread(() -> {
            states.light(Optional.of(LightColor.GREEN));
            states.doorOpen(true);
            states.entry();
            states.entry();
            states.ambient(new AmbientReading(8.26, 41, clock.instant()), true);
            states.status(PeripheralRole.AMBIENT, Health.FAILING, "SHT3x did not answer");
        }, "hw-test-worker");
        worker.start();
        worker.join();

        FxToolkit.waitFor("the panel to show the door open", WAIT, () -> "门锁 OPEN".equals(text(panel, "peripheral-door")));
        FxToolkit.run(() -> {
            assertEquals("指示灯 green", text(panel, "peripheral-light"));
            assertEquals(Color.web("#43a047"), ((Circle) ((Label) panel.lookup("#peripheral-light")).getGraphic()).getFill());
            assertTrue(text(panel, "peripheral-motion").endsWith("今日进入 2"), text(panel, "peripheral-motion"));
            assertEquals("室温 8.3 °C · 湿度 41 % · 过冷 TOO COLD", text(panel, "peripheral-ambient"));
            assertEquals("故障 ambient: SHT3x did not answer", text(panel, "peripheral-faults"));
        });

        states.status(PeripheralRole.AMBIENT, Health.OK, "");
        states.doorOpen(false);
        FxToolkit.waitFor("the fault to clear", WAIT, () -> "门锁 locked".equals(text(panel, "peripheral-door")));
        FxToolkit.run(() -> assertFalse(panel.lookup("#peripheral-faults").isVisible()));
        FxToolkit.run(panel::unbind);
    }

    @Test
    void demoButtonsDriveTheMockStationAndThePanelFollows() {
        try (var demo = org.warmstation.devices.pi4j.MockStation.open(clock)) {
            PeripheralPanel panel = FxToolkit.call(() -> PeripheralPanel.forDemo(demo));
            FxToolkit.waitFor("a first room reading", WAIT, () -> text(panel, "peripheral-ambient").startsWith("室温 18.5"));
            FxToolkit.run(() -> ((javafx.scene.control.Button) panel.lookup("#demo-motion")).fire());
            FxToolkit.waitFor("the entry to be counted", WAIT, () -> text(panel, "peripheral-motion").endsWith("今日进入 1"));
            FxToolkit.run(() -> ((javafx.scene.control.Button) panel.lookup("#demo-cold")).fire());
            FxToolkit.waitFor("the cold alert", WAIT, () -> text(panel, "peripheral-ambient").contains("TOO COLD"));
            demo.peripherals().feedback().rejected();
            FxToolkit.waitFor("the red light", WAIT, () -> "指示灯 red".equals(text(panel, "peripheral-light")));
            FxToolkit.run(panel::unbind);
        }
    }

    @Test
    void onlyConfiguredRolesGetARow() {
        var states = new PeripheralStates(Set.of(PeripheralRole.DOOR), clock);
        PeripheralPanel panel = FxToolkit.call(() -> new PeripheralPanel(states));
        FxToolkit.run(() -> {
            assertEquals("门锁 locked", text(panel, "peripheral-door"));
            assertNull(text(panel, "peripheral-ambient"));
            assertNull(text(panel, "peripheral-light"));
        });
    }
}
