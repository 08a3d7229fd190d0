package org.warmstation.kiosk.ui;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import org.warmstation.protocol.card.WorkerCategory;

/** The guest screen: a visitor without a card picks a worker category. */
final class GuestPane {
    private static final int COLUMNS = 4;

    private GuestPane() {
    }

    static Node build(KioskViewModel vm, Messages m) {
        Button back = Ui.button("back", m.get("guest.back"), vm::backToIdle);
        back.setMinWidth(Ui.MIN_TARGET); // "返回" alone is narrower than a gloved fingertip on a small panel
        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(16);
        int i = 0;
        for (WorkerCategory c : WorkerCategory.values()) {
            Button b = Ui.button("category-" + c.name(), m.of(c).replace("/", "/\n"), () -> vm.chooseGuestCategory(c));
            b.setPrefSize(230, 150); // on the 1024x600 panel; the grid's constraints share out any other
            b.setMinWidth(Ui.MIN_TARGET);
            b.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            b.getStyleClass().add("category-button");
            b.disableProperty().bind(vm.busyProperty());
            grid.add(b, i % COLUMNS, i / COLUMNS);
            i++;
        }
        Ui.shareOut(grid, COLUMNS, i);
        VBox screen = new VBox(Ui.row(16, Ui.label(m.get("guest.title"), "title"), Ui.grow(), back), Ui.grow(), grid,
                Ui.grow());
        screen.getStyleClass().add("kiosk-screen");
        return screen;
    }
}
