package org.warmstation.kiosk.ui;

import java.time.Duration;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The staff PIN keypad, with the wrong-PIN count and the lockout countdown. */
final class PinPane {
    private PinPane() {
    }

    static Node build(KioskViewModel vm, Messages m) {
        StaffViewModel staff = vm.staff();
        Label dots = Ui.label("", "pin-dots");
        dots.setId("pin-dots");
        dots.textProperty().bind(Bindings.createStringBinding(
                () -> "●".repeat(staff.pinLengthProperty().get()), staff.pinLengthProperty()));
        Label message = Ui.label("", "pin-message");
        message.setId("pin-message");
        message.textProperty().bind(Bindings.createStringBinding(() -> {
            Duration locked = staff.lockedForProperty().get();
            if (locked.isPositive()) {
                long s = (locked.toMillis() + 999) / 1000;
                return m.get("pin.locked", String.format("%d:%02d", s / 60, s % 60));
            }
            int left = staff.triesLeftProperty().get();
            return left >= 0 ? m.get("pin.wrong", left) : "";
        }, staff.lockedForProperty(), staff.triesLeftProperty()));
        Button cancel = Ui.button("pin-cancel", m.get("pin.cancel"), vm::backToIdle);
        cancel.getStyleClass().add("wide");
        VBox left = new VBox(16, Ui.label(m.get("pin.title"), "title"), Ui.label(m.get("pin.prompt"), "subtitle"),
                dots, message, Ui.grow(), cancel);
        left.setPrefWidth(440);
        left.setMaxWidth(440);

        BooleanBinding locked = Bindings.createBooleanBinding(
                () -> staff.lockedForProperty().get().isPositive() || staff.checkingProperty().get(),
                staff.lockedForProperty(), staff.checkingProperty());
        GridPane keypad = new GridPane();
        keypad.getStyleClass().add("keypad");
        keypad.setHgap(12);
        keypad.setVgap(12);
        for (int d = 1; d <= 9; d++) {
            keypad.add(digit(vm, d, locked), (d - 1) % 3, (d - 1) / 3);
        }
        Button delete = Ui.button("pin-delete", m.get("pin.delete"), vm::pinBackspace);
        delete.setStyle("-fx-font-size: 26px;");
        keypad.add(delete, 0, 3);
        keypad.add(digit(vm, 0, locked), 1, 3);
        Button ok = Ui.button("pin-ok", m.get("pin.ok"), vm::pinSubmit, "primary");
        ok.setStyle("-fx-font-size: 30px;");
        ok.disableProperty().bind(locked);
        keypad.add(ok, 2, 3);

        HBox screen = new HBox(32, left, Ui.grow(), keypad);
        screen.setAlignment(Pos.CENTER_LEFT);
        screen.getStyleClass().add("kiosk-screen");
        return screen;
    }

    private static Button digit(KioskViewModel vm, int d, BooleanBinding locked) {
        Button b = Ui.button("pin-" + d, Integer.toString(d), () -> vm.pinDigit(d));
        b.disableProperty().bind(locked);
        return b;
    }
}
