package org.warmstation.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;

/**
 * The enrollment screen ({@code #screen-ENROLL}): the prompt and hint in Chinese and English, then
 * the current message ({@code #enroll-message-zh}, {@code #enroll-message-en}): why the last code
 * was refused, or that the configuration is being saved. UI thread only.
 */
public final class EnrollmentPane {
    private EnrollmentPane() {
    }

    /**
     * @param vm the view model
     * @return the screen, styled by the kiosk's stylesheet
     */
    public static Parent build(EnrollmentViewModel vm) {
        Label promptZh = Ui.label(vm.text(true, "prompt"), "prompt");
        Label promptEn = Ui.label(vm.text(false, "prompt"), "subtitle");
        Label hintZh = Ui.label(vm.text(true, "hint"), "hint");
        Label hintEn = Ui.label(vm.text(false, "hint"), "hint");
        Label zh = Ui.label("", "rejected-reason");
        zh.setId("enroll-message-zh");
        zh.textProperty().bind(vm.messageZhProperty());
        Label en = Ui.label("", "subtitle");
        en.setId("enroll-message-en");
        en.textProperty().bind(vm.messageEnProperty());
        for (Label l : new Label[] {zh, en, hintZh, hintEn}) {
            l.setWrapText(true);
            l.setTextAlignment(TextAlignment.CENTER);
            l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE); // every line; the empty room gives way
        }
        for (Label l : new Label[] {zh, en}) { // no room kept for a message not given yet
            l.managedProperty().bind(l.textProperty().isNotEmpty());
            l.visibleProperty().bind(l.managedProperty());
        }
        VBox screen = new VBox(12, promptZh, promptEn, hintZh, hintEn, Ui.grow(), zh, en, Ui.grow());
        screen.setAlignment(Pos.CENTER);
        screen.setId("screen-ENROLL");
        screen.getStyleClass().add("kiosk-screen");
        screen.getStylesheets().add(KioskView.STYLESHEET);
        // type scaled with the panel as on the kiosk's screens (800x480: decision 0280); inside the
        // re-enroll screen the kiosk's font comes from outside and this pane sets none
        Runnable font = () -> {
            if (screen.getParent() == null) {
                screen.setStyle("-fx-font-size: " + KioskView.fontSize(screen.getWidth(), screen.getHeight(), false) + "px;");
            }
        };
        screen.widthProperty().addListener((o, a, b) -> font.run());
        screen.heightProperty().addListener((o, a, b) -> font.run());
        return screen;
    }
}
