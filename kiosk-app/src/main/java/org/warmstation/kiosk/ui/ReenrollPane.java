package org.warmstation.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * The staff's re-enrollment screen (decision 0225): a title, the enrollment screen of the
 * re-enrollment on screen ({@link EnrollmentPane}: prompt, hint, why a code was refused, that the
 * district is being asked) and a button back to the staff screen. UI thread only.
 */
final class ReenrollPane {
    private ReenrollPane() {
    }

    static Node build(KioskViewModel vm, Messages m) {
        Button back = Ui.button("reenroll-back", m.get("staff.back"), vm::backToStaff);
        VBox screen = new VBox(8);
        vm.reenrollment().current().ifPresent(e -> {
            Label title = Ui.label(e.text(true, "reenroll.title") + "\n" + e.text(false, "reenroll.title"), "subtitle");
            title.setId("reenroll-title");
            title.setWrapText(true);
            title.setTextAlignment(TextAlignment.CENTER);
            Node enrollment = EnrollmentPane.build(e);
            VBox.setVgrow(enrollment, Priority.ALWAYS);
            screen.getChildren().addAll(title, enrollment);
        });
        screen.getChildren().add(back);
        screen.setAlignment(Pos.CENTER);
        // "reenroll": the enrollment screen inside it without its own padding and with a smaller
        // prompt, so title, prompt, hints, messages and the back button fit 1024x600 and 800x480
        // (decision 0280; they were 643 px high on the terminal's panel)
        screen.getStyleClass().addAll("kiosk-screen", "reenroll");
        return screen;
    }

    /** @return the staff screen's button to this screen, shown only when re-enrollment is available */
    static Button button(KioskViewModel vm, Messages m) {
        Button b = Ui.button("staff-reenroll", m.get("staff.reenroll"), vm::openReenroll);
        b.setVisible(vm.reenrollment().available());
        b.setManaged(b.isVisible());
        return b;
    }
}
