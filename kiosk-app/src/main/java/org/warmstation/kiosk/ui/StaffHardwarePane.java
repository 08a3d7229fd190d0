package org.warmstation.kiosk.ui;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.warmstation.devices.PeripheralRole;
import org.warmstation.devices.PeripheralStatus;

/**
 * The staff screen's peripheral row: lines for the people who came in today (motion sensor) and
 * how many of them did not check in, the low-temperature alert, a problem with the hardware
 * settings, each failing peripheral with its message; outside the opening hours first the closed
 * lines ({@link StaffHoursPane}); beside them the allow-check-in button and the buzzer's mute toggle.
 * Follows the view model live. UI thread only.
 */
final class StaffHardwarePane {
    private StaffHardwarePane() {
    }

    /**
     * @return the row, unmanaged when there is nothing to say and no buzzer to mute
     */
    static Node row(KioskViewModel vm, Messages m) {
        Node lines = lines(vm, m);
        VBox closed = StaffHoursPane.lines(vm, m);
        VBox left = new VBox(2, closed, lines);
        javafx.scene.control.Button unlock = StaffHoursPane.unlockButton(vm, m);
        ToggleButton mute = muteToggle(vm, m);
        HBox row = mute == null ? Ui.row(16, left, unlock) : Ui.row(16, left, unlock, mute);
        HBox.setHgrow(left, javafx.scene.layout.Priority.ALWAYS);
        left.setMinWidth(0);
        row.setId("staff-hardware");
        row.managedProperty().bind(lines.managedProperty().or(closed.managedProperty()).or(
                new javafx.beans.property.SimpleBooleanProperty(mute != null)));
        row.visibleProperty().bind(row.managedProperty());
        return row;
    }

    private static Node lines(KioskViewModel vm, Messages m) {
        StaffViewModel staff = vm.staff();
        PeripheralsViewModel hw = staff.peripherals();
        VBox box = new VBox(2);
        box.setId("staff-hardware-lines");
        Runnable fill = () -> {
            box.getChildren().clear();
            if (hw.present(PeripheralRole.MOTION) && staff.usageProperty().get() != null) {
                box.getChildren().add(line("staff-entries", m.get("staff.entries", staff.entries(),
                        staff.withoutCheckIn()), "staff-line"));
            }
            if (hw.lowTemperature()) {
                hw.ambient().ifPresent(a -> box.getChildren().add(
                        line("staff-cold", m.get("staff.cold", a.celsius()), "staff-alert")));
            }
            if (!hw.configProblem().isEmpty()) {
                box.getChildren().add(line("staff-config-problem", m.get("staff.configProblem", hw.configProblem()),
                        "staff-alert"));
            }
            for (PeripheralStatus s : hw.failing()) {
                box.getChildren().add(line("staff-failing-" + s.role().name(),
                        m.get("staff.failing", m.of(s.role()), s.message()), "staff-alert"));
            }
            box.setManaged(!box.getChildren().isEmpty());
            box.setVisible(box.isManaged());
        };
        ChangeListener<Object> listener = (o, a, b) -> fill.run();
        hw.snapshotProperty().addListener(new WeakChangeListener<>(listener));
        staff.usageProperty().addListener(new WeakChangeListener<>(listener));
        box.getProperties().put("hardware-listener", listener);
        fill.run();
        return box;
    }

    private static ToggleButton muteToggle(KioskViewModel vm, Messages m) {
        PeripheralsViewModel hw = vm.peripherals();
        if (!hw.present(PeripheralRole.BUZZER)) {
            return null;
        }
        String name = m.get("staff.mute");
        ToggleButton t = new ToggleButton(name);
        t.selectedProperty().addListener((o, was, on) -> t.setText(on ? "✓ " + name : name));
        t.setId("staff-mute");
        t.setFocusTraversable(false);
        t.setMinHeight(Ui.MIN_TARGET);
        t.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        t.setSelected(hw.muted());
        t.setOnAction(e -> {
            hw.toggleMute();
            vm.touched();
        });
        ChangeListener<Object> listener = (o, a, b) -> t.setSelected(hw.muted());
        hw.snapshotProperty().addListener(new WeakChangeListener<>(listener));
        t.getProperties().put("mute-listener", listener);
        return t;
    }

    private static Label line(String id, String text, String style) {
        Label l = Ui.label(text, style);
        l.setId(id);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // all its lines; the body below scrolls
        return l;
    }
}
