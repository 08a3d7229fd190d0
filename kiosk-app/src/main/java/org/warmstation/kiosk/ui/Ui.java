package org.warmstation.kiosk.ui;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Small factories for the kiosk's nodes, so the panes stay short. UI thread only. */
final class Ui {
    /** Smallest side of a touch target: about 15 mm on a 7-inch 1024x600 panel, for gloved fingers. */
    static final double MIN_TARGET = 96;
    private Ui() {
    }

    static Label label(String text, String... styleClasses) {
        Label l = new Label(text);
        l.getStyleClass().addAll(styleClasses);
        l.setWrapText(true);
        return l;
    }

    static Button button(String id, String text, Runnable action, String... styleClasses) {
        Button b = new TargetButton(text);
        b.setId(id);
        b.getStyleClass().addAll(styleClasses);
        b.setOnAction(e -> action.run());
        b.setFocusTraversable(false);
        // never narrower than its text (no words broken), never smaller than a gloved fingertip
        b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        b.setMinHeight(MIN_TARGET);
        b.setPrefWidth(javafx.scene.layout.Region.USE_COMPUTED_SIZE);
        return b;
    }

    static Region grow() {
        Region r = new Region();
        HBox.setHgrow(r, Priority.ALWAYS);
        javafx.scene.layout.VBox.setVgrow(r, Priority.ALWAYS);
        return r;
    }

    /**
     * Shares a grid of buttons out over the room its screen gives it: equal columns across the
     * width, rows that grow and shrink (down to the buttons' minimum) with the height, so the
     * grid fits panels other than the terminal's 1024x600 and large text.
     *
     * @param grid    the grid, inside a VBox
     * @param columns its number of columns
     * @param cells   how many cells are filled
     */
    static void shareOut(javafx.scene.layout.GridPane grid, int columns, int cells) {
        for (int c = 0; c < columns; c++) {
            javafx.scene.layout.ColumnConstraints column = new javafx.scene.layout.ColumnConstraints();
            column.setPercentWidth(100.0 / columns);
            grid.getColumnConstraints().add(column);
        }
        for (int r = 0; r < (cells + columns - 1) / columns; r++) {
            javafx.scene.layout.RowConstraints row = new javafx.scene.layout.RowConstraints();
            row.setVgrow(Priority.SOMETIMES);
            grid.getRowConstraints().add(row);
        }
        javafx.scene.layout.VBox.setVgrow(grid, Priority.SOMETIMES);
    }

    /**
     * A staff screen's body that scrolls vertically when the panel is too low for it, never
     * sideways, and scrolls by dragging (800x480: decision 0280); it takes the screen's spare height.
     *
     * @param id      the scroll pane's id
     * @param content what scrolls
     * @return the scroll pane, styled {@code staff-body}
     */
    static javafx.scene.control.ScrollPane verticalScroll(String id, javafx.scene.Node content) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setId(id);
        scroll.getStyleClass().add("staff-body");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setPannable(true);
        javafx.scene.layout.VBox.setVgrow(scroll, Priority.ALWAYS);
        return scroll;
    }

    static HBox row(double spacing, javafx.scene.Node... nodes) {
        HBox h = new HBox(spacing, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }

    /**
     * A button at least {@link #MIN_TARGET} wide whatever its text: a short label ("刷新") in
     * the type of an 800x480 panel is narrower than a gloved fingertip otherwise (decision 0280).
     * Its preferred width is never below that, so "never narrower than its text" (the minimum is
     * the preferred size) keeps it at least as wide.
     */
    private static final class TargetButton extends Button {
        TargetButton(String text) {
            super(text);
        }

        @Override
        protected double computePrefWidth(double height) {
            return Math.max(MIN_TARGET, super.computePrefWidth(height));
        }
    }
}
