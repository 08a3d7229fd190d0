package org.warmstation.kiosk.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;

/**
 * The staff screen's opening-hours parts, shown only outside the opening hours: two lines with the
 * closed notice and the nearest station open, and the button that allows (or stops) check-in
 * (both in {@link StaffHardwarePane}'s row, which has room beside its buttons).
 * Follows the view model live. UI thread only.
 */
final class StaffHoursPane {
    private StaffHoursPane() {
    }

    /** @return the closed lines, unmanaged while open */
    static VBox lines(KioskViewModel vm, Messages m) {
        Label state = line("staff-closed");
        state.textProperty().bind(Bindings.createStringBinding(() -> vm.closedProperty().get() == null ? ""
                : m.get(vm.checkInUnlockedProperty().get() ? "staff.closedUnlocked" : "staff.closed",
                        ClosedText.closed(vm.closedProperty().get(), vm.nowProperty().get().toLocalDateTime(), m)),
                vm.closedProperty(), vm.checkInUnlockedProperty(), vm.nowProperty()));
        Label nearest = line("staff-nearest");
        nearest.textProperty().bind(Bindings.createStringBinding(() -> vm.closedProperty().get() == null ? ""
                : ClosedText.nearest(vm.closedProperty().get(), m), vm.closedProperty()));
        VBox box = new VBox(2, state, nearest);
        box.visibleProperty().bind(vm.closedProperty().isNotNull());
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Label line(String id) {
        Label l = Ui.label("", "staff-alert");
        l.setId(id);
        l.setStyle("-fx-font-size: 0.692em;"); // 18px on the terminal's panel, scaled with the panel
        // wraps beside the allow-check-in and mute buttons rather than losing its end (800x480:
        // decision 0280)
        l.setWrapText(true);
        l.setMinWidth(0);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** @return "allow check-in" while blocked, "stop check-in" while unlocked; unmanaged while open */
    static Button unlockButton(KioskViewModel vm, Messages m) {
        Button b = Ui.button("staff-unlock", m.get("staff.unlock"),
                () -> vm.unlockCheckIn(!vm.checkInUnlockedProperty().get()));
        b.getStyleClass().add("wide");
        b.textProperty().bind(Bindings.when(vm.checkInUnlockedProperty())
                .then(m.get("staff.lock")).otherwise(m.get("staff.unlock")));
        b.visibleProperty().bind(vm.closedProperty().isNotNull());
        b.managedProperty().bind(b.visibleProperty());
        return b;
    }
}
