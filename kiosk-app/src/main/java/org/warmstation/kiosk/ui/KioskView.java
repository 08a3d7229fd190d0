package org.warmstation.kiosk.ui;

import java.util.Objects;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TouchEvent;
import javafx.scene.layout.StackPane;

/**
 * The kiosk screen: shows the pane of the view model's current {@link Screen}, rebuilt whenever
 * the screen or the language changes. Holds no state of its own. UI thread only.
 */
public final class KioskView {
    /** The kiosk's style sheet. */
    public static final String STYLESHEET = Objects.requireNonNull(
            KioskView.class.getResource("kiosk.css"), "kiosk.css missing").toExternalForm();

    private final KioskViewModel vm;
    private final StackPane root = new StackPane();

    /**
     * @param vm the view model
     */
    public KioskView(KioskViewModel vm) {
        this.vm = Objects.requireNonNull(vm, "vm");
        root.getStylesheets().add(STYLESHEET);
        root.getStyleClass().add("kiosk-root");
        root.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> vm.touched());
        root.addEventFilter(TouchEvent.TOUCH_PRESSED, e -> vm.touched());
        vm.screenProperty().addListener((o, a, b) -> render());
        vm.localeProperty().addListener((o, a, b) -> render());
        render();
    }

    /** @return the root node, to put into a scene (1024x600 on the terminal) */
    public Parent root() {
        return root;
    }

    private void render() {
        Messages m = Messages.of(vm.localeProperty().get());
        Node pane = switch (vm.screenProperty().get()) {
            case IDLE -> IdlePane.build(vm, m);
            case WELCOME, ALREADY_CHECKED_IN -> WelcomePane.build(vm, m);
            case REJECTED, FAILED -> MessagePane.build(vm, m);
            case GUEST -> GuestPane.build(vm, m);
            case STAFF_PIN -> PinPane.build(vm, m);
            case STAFF -> StaffPane.build(vm, m);
            case REPORT -> ReportPane.build(vm, m);
            case STAFF_TICKETS -> StaffTicketsPane.build(vm, m);
        };
        pane.setId("screen-" + vm.screenProperty().get().name());
        // Chinese glyphs are dense and the CJK font has no bold: some texts get bigger in Chinese
        pane.getStyleClass().add(KioskViewModel.CHINESE.equals(m.locale()) ? "lang-zh" : "lang-en");
        root.getChildren().setAll(pane);
    }
}
