package org.warmstation.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * The damaged-terminal screen (issue 13 item 5): "terminal damaged — call the district", what the
 * kiosk did (the old visit log kept aside, a fresh one started, the district told), a button for
 * the staff to re-enroll the terminal with a new code (behind the PIN, when available) and a button
 * back to the idle screen.
 */
final class DamagedPane {
    private DamagedPane() {
    }

    static Node build(KioskViewModel vm, Messages m) {
        Label mark = Ui.label("!", "mark", "mark-warn");
        Label title = Ui.label(m.get("damaged.title"), "failed-title");
        title.setId("damaged-title");
        title.setWrapText(true);
        title.setTextAlignment(TextAlignment.CENTER);
        Label detail = Ui.label(m.get("damaged.detail"), "subtitle");
        detail.setId("damaged-detail");
        detail.setWrapText(true);
        detail.setTextAlignment(TextAlignment.CENTER);
        Button back = Ui.button("damaged-continue", m.get("damaged.continue"), vm::backToIdle);
        back.getStyleClass().add("wide");
        // staff re-enroll the terminal with a new code, so its new epoch's key is registered (decision 0225)
        Button reenroll = Ui.button("damaged-reenroll", m.get("damaged.reenroll"), vm::openReenrollBehindPin);
        reenroll.setVisible(vm.reenrollment().available());
        reenroll.setManaged(reenroll.isVisible());

        // side by side: stacked, the two buttons left the detail no room on an 800x480 panel
        javafx.scene.layout.HBox buttons = Ui.row(16, reenroll, back);
        buttons.setAlignment(Pos.CENTER);
        VBox screen = new VBox(12, mark, title, detail, Ui.grow(), buttons);
        screen.setAlignment(Pos.CENTER);
        screen.getStyleClass().add("kiosk-screen");
        return screen;
    }
}
