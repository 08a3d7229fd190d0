package org.warmstation.kiosk.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.warmstation.protocol.wire.SupplyItem;
import org.warmstation.visitlog.domain.StockLevel;
import org.warmstation.visitlog.domain.Visit;

/**
 * The handout screen at the end of a check-in: one large button per supply item with the stock
 * left; a tap hands one unit out to the visitor on screen, or says why not (the season's limit
 * reached, none left, not stocked here).
 */
final class HandoutPane {
    private static final int COLUMNS = 3;

    private HandoutPane() {
    }

    static Node build(KioskViewModel vm, Messages m) {
        SupplyViewModel s = vm.supplies();
        Visit visit = vm.visitProperty().get();
        Label title = Ui.label(m.get("supply.title"), "title");
        Label who = Ui.label(visit == null ? "" : visit.guest() ? m.get("welcome.guest") + " · " + m.of(visit.category())
                : m.of(visit.category()), "category-badge");
        Button done = Ui.button("supply-done", m.get("welcome.done"), vm::finishVisit, "primary");
        done.getStyleClass().add("wide");
        HBox head = Ui.row(20, title, Ui.grow(), done);

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(10); // 800x480 in large text: the prompt's third line needs the room
        int i = 0;
        for (SupplyItem item : s.settings().items()) {
            Button b = Ui.button("supply-" + item.code(), SupplyViewModel.name(item, m), () -> s.handOut(item.code()),
                    "supply-button");
            b.setPrefSize(300, 130);
            b.setMinWidth(Ui.MIN_TARGET); // the columns share the panel's width (800x480: decision 0280)
            b.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            b.setWrapText(true);
            grid.add(b, i % COLUMNS, i / COLUMNS);
            i++;
        }
        Ui.shareOut(grid, COLUMNS, i);
        Runnable stock = () -> grid.getChildren().forEach(n -> {
            if (n instanceof Button b) {
                String code = b.getId().substring("supply-".length());
                s.levels().stream().filter(l -> l.item().code().equals(code)).findFirst()
                        .ifPresent(l -> label(b, l, m));
            }
        });
        ListChangeListener<StockLevel> listener = c -> stock.run();
        s.levels().addListener(new WeakListChangeListener<>(listener));
        grid.getProperties().put("levels-listener", listener);
        stock.run();

        // the outcome of a tap takes the prompt's place: one line for both, so the grid keeps its
        // room on an 800x480 panel in large text (decision 0280); the trade sits beside them
        Label note = note(s, m, "supply-note");
        Label prompt = Ui.label(m.get("supply.prompt"), "subtitle");
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());
        prompt.managedProperty().bind(note.managedProperty().not());
        prompt.visibleProperty().bind(prompt.managedProperty());
        who.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the trade on one line, the prompt wraps
        prompt.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        note.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox line = Ui.row(16, who, prompt, note);
        VBox screen = new VBox(16, head, line, grid);
        screen.getStyleClass().add("kiosk-screen");
        return screen;
    }

    private static void label(Button b, StockLevel l, Messages m) {
        String unit = KioskViewModel.CHINESE.equals(m.locale()) ? l.item().unitZh() : " " + l.item().unitEn();
        b.setText(SupplyViewModel.name(l.item(), m) + "\n" + m.get("supply.left", l.stock(), unit));
        b.getStyleClass().remove("supply-low");
        if (l.low()) {
            b.getStyleClass().add("supply-low");
        }
    }

    /** @return a label showing the supply view model's note, in the alert colour when it is a refusal */
    static Label note(SupplyViewModel s, Messages m, String id) {
        Label note = Ui.label("", "supply-note");
        note.setId(id);
        note.textProperty().bind(Bindings.createStringBinding(
                () -> s.noteProperty().get() == null ? "" : s.noteProperty().get().text(m), s.noteProperty()));
        javafx.beans.value.ChangeListener<SupplyViewModel.Note> colour = (o, a, b) -> {
            note.getStyleClass().remove("supply-bad");
            if (b != null && b.bad()) {
                note.getStyleClass().add("supply-bad");
            }
        };
        s.noteProperty().addListener(new javafx.beans.value.WeakChangeListener<>(colour));
        note.getProperties().put("colour-listener", colour);
        return note;
    }
}
