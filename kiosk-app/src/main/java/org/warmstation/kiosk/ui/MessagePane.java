package org.warmstation.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/** The rejected and failed screens: what went wrong in plain words, then back to idle. */
final class MessagePane {
    private MessagePane() {
    }

    static Node build(KioskViewModel vm, Messages m) {
        boolean rejected = vm.screenProperty().get() == Screen.REJECTED;
        Label mark = Ui.label(rejected ? "✕" : "!", "mark", rejected ? "mark-bad" : "mark-warn");
        Label title = Ui.label(rejected ? m.get("rejected.title") : m.get("failed.title"),
                rejected ? "title" : "failed-title");
        Label reason = rejected
                ? Ui.label(m.of(vm.rejectionProperty().get()), "rejected-reason")
                : Ui.label(m.get("failed.detail"), "subtitle");
        reason.setId("reason");
        reason.setTextAlignment(TextAlignment.CENTER);
        Label hint = Ui.label(rejected ? m.get("rejected.hint") : "", "hint");
        hint.setManaged(rejected);

        Button back = Ui.button("back", rejected ? m.get("rejected.back") : m.get("failed.back"), vm::backToIdle);
        back.getStyleClass().add("wide");
        HBox buttons = new HBox(24);
        buttons.setAlignment(Pos.CENTER);
        if (rejected) {
            Button guest = Ui.button("guest", m.get("rejected.guest"), vm::startGuest, "primary");
        guest.getStyleClass().add("wide");
            buttons.getChildren().add(guest);
        }
        buttons.getChildren().add(back);

        VBox screen = new VBox(mark, title, reason, hint, Ui.grow(), buttons);
        screen.setAlignment(Pos.CENTER);
        screen.getStyleClass().add("kiosk-screen");
        return screen;
    }
}
