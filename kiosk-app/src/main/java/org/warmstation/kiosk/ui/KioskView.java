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

    /** Style class of a workers' screen in large-text mode. */
    public static final String LARGE_TEXT = "large-text";
    /** Type size on the terminal's 1024x600 panel, in pixels. */
    public static final double BASE_FONT_PX = 26;
    /** How much larger the workers' type is in large-text mode: 34 px instead of 26 px. */
    public static final double LARGE_SCALE = 34.0 / 26.0;

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
        vm.largeTextProperty().addListener((o, a, b) -> render());
        root.widthProperty().addListener((o, a, b) -> fonts());
        root.heightProperty().addListener((o, a, b) -> fonts());
        render();
    }

    /**
     * The type size of a screen: {@value #BASE_FONT_PX} px on the terminal's 1024x600 panel,
     * scaled with the panel (a smaller panel of the same diagonal has larger pixels, so the text
     * keeps about its physical size), times 34/26 on the workers' screens in large-text mode
     * (decision 0141). All type on the workers' screens is in em of this size.
     *
     * @param width  the screen's width in pixels; 0 before the first layout (then 1024)
     * @param height the screen's height in pixels; 0 before the first layout (then 600)
     * @param large  whether large text applies
     * @return the font size in pixels
     */
    public static double fontSize(double width, double height, boolean large) {
        double scale = width <= 0 || height <= 0 ? 1 : Math.min(width / 1024, height / 600);
        return Math.round(BASE_FONT_PX * scale * (large ? LARGE_SCALE : 1) * 10) / 10.0;
    }

    private void fonts() {
        root.setStyle("-fx-font-size: " + fontSize(root.getWidth(), root.getHeight(), false) + "px;");
        if (!root.getChildren().isEmpty()) {
            Node pane = root.getChildren().getFirst();
            boolean large = pane.getStyleClass().contains(LARGE_TEXT);
            pane.setStyle(large ? "-fx-font-size: " + fontSize(root.getWidth(), root.getHeight(), true) + "px;" : "");
        }
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
            case STAFF_LOANS -> LoansPane.staff(vm, m);
            case MEMBER_LOANS -> LoansPane.member(vm, m);
            case HANDOUT -> HandoutPane.build(vm, m);
            case RATING -> RatingPane.build(vm, m);
            case STAFF_SUPPLIES -> StaffSuppliesPane.build(vm, m);
            case DAMAGED -> DamagedPane.build(vm, m);
            case STAFF_REENROLL -> ReenrollPane.build(vm, m);
        };
        pane.setId("screen-" + vm.screenProperty().get().name());
        // Chinese glyphs are dense and the CJK font has no bold: some texts get bigger in Chinese
        pane.getStyleClass().add(KioskViewModel.CHINESE.equals(m.locale()) ? "lang-zh" : "lang-en");
        // large text scales the workers' screens (their sizes are in em of the pane's font, set
        // in fonts()); the staff screens keep theirs
        if (vm.largeTextProperty().get() && vm.screenProperty().get().forWorkers()) {
            pane.getStyleClass().add(LARGE_TEXT);
        }
        root.getChildren().setAll(pane);
        fonts();
        // skins now, not at the next pulse: a scroll pane's content joins the scene graph only
        // with its skin, and lookups (tests, focus) right after a screen change must find it
        pane.applyCss();
    }
}
