package org.warmstation.kiosk.ui;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.warmstation.protocol.ticket.TicketProblem;

/**
 * The visitor's report screen: one tap on a problem from the short list opens a ticket (no text,
 * nothing about the visitor), then a thank-you line; back to idle with the back button or the
 * timeout.
 */
final class ReportPane {
    private static final int COLUMNS = 4;

    private ReportPane() {
    }

    static Node build(KioskViewModel vm, Messages m) {
        TicketViewModel t = vm.tickets();
        Button back = Ui.button("back", m.get("report.back"), vm::backToIdle);
        back.getStyleClass().add("wide");
        Label hint = Ui.label(m.get("report.hint"), "subtitle");
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        GridPane grid = problemGrid(m, COLUMNS, 230, 130, vm::reportProblem);
        grid.getChildren().forEach(n -> ((Button) n).disableProperty().bind(
                t.sendingProperty().or(t.openedProperty().isNotNull())));
        Label thanks = Ui.label(m.get("report.thanks"), "greeting");
        thanks.setId("report-thanks");
        thanks.setTextAlignment(TextAlignment.CENTER);
        thanks.visibleProperty().bind(t.openedProperty().isNotNull());
        // the thanks takes the problems' place once the ticket is opened: both at once do not fit
        // an 800x480 panel (decision 0280), and the disabled buttons have nothing more to offer
        thanks.managedProperty().bind(thanks.visibleProperty());
        grid.visibleProperty().bind(t.openedProperty().isNull());
        grid.managedProperty().bind(grid.visibleProperty());
        Label error = Ui.label("", "staff-alert");
        error.setId("report-error");
        error.textProperty().bind(Bindings.createStringBinding(
                () -> t.errorProperty().get().isEmpty() ? "" : m.get(t.errorProperty().get()), t.errorProperty()));
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        VBox middle = new VBox(12, grid, thanks, error);
        middle.setAlignment(Pos.CENTER);
        VBox screen = new VBox(Ui.row(16, Ui.label(m.get("report.title"), "title"), Ui.grow(), back), hint,
                Ui.grow(), middle, Ui.grow());
        screen.getStyleClass().add("kiosk-screen");
        return screen;
    }

    /**
     * @param m       messages
     * @param columns buttons per row
     * @param width   button width preferred; columns share the screen's width and buttons narrow
     *                down to {@link Ui#MIN_TARGET}, their text wrapping, on a narrower panel
     * @param height  button height preferred
     * @param action  what a tap does
     * @return the problem buttons, ids {@code problem-NAME}
     */
    static GridPane problemGrid(Messages m, int columns, double width, double height,
                                java.util.function.Consumer<TicketProblem> action) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.setAlignment(Pos.CENTER);
        int i = 0;
        for (TicketProblem p : TicketProblem.values()) {
            Button b = Ui.button("problem-" + p.name(), m.of(p), () -> action.accept(p));
            b.setPrefSize(width, height);
            b.setMinWidth(Ui.MIN_TARGET);
            b.setMaxWidth(Double.MAX_VALUE);
            b.setWrapText(true);
            b.getStyleClass().add("category-button");
            grid.add(b, i % columns, i / columns);
            i++;
        }
        Ui.shareOut(grid, columns, i);
        return grid;
    }
}
