package org.warmstation.kiosk.ui;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.warmstation.protocol.wire.SupplyItem;
import org.warmstation.visitlog.domain.StockLevel;

/**
 * The staff's stock screen (behind the PIN): the items with their stock, low ones flagged; pick
 * one, type a number, book it as a delivery in or as the counted stock. A count below zero or an
 * empty delivery is refused with a message and records nothing.
 */
final class StaffSuppliesPane {
    private static final int COLUMNS = 2;

    private StaffSuppliesPane() {
    }

    /** @return the staff screen's button to this screen, naming how many items are low (hidden without supplies) */
    static Button button(KioskViewModel vm, Messages m) {
        SupplyViewModel s = vm.supplies();
        Button b = Ui.button("staff-supplies", m.get("staffSupply.open"), s::openStaffSupplies);
        Runnable text = () -> b.setText(s.lowCount() == 0 ? m.get("staffSupply.open")
                : m.get("staffSupply.openLow", s.lowCount()));
        ListChangeListener<StockLevel> levels = c -> text.run();
        s.levels().addListener(new WeakListChangeListener<>(levels));
        b.getProperties().put("levels-listener", levels);
        text.run();
        b.setMinWidth(Ui.MIN_TARGET); // shares the chart's column: may wrap rather than widen the screen
        b.setWrapText(true);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setVisible(s.available());
        b.setManaged(s.available());
        return b;
    }

    static Node build(KioskViewModel vm, Messages m) {
        SupplyViewModel s = vm.supplies();
        Button back = Ui.button("supply-back", m.get("staff.back"), s::backToStaff);
        HBox head = Ui.row(16, Ui.label(m.get("staffSupply.title"), "staff-title"), Ui.grow(), back);

        GridPane items = new GridPane();
        items.setHgap(12);
        items.setVgap(12);
        int i = 0;
        for (SupplyItem item : s.settings().items()) {
            Button b = Ui.button("stock-" + item.code(), SupplyViewModel.name(item, m), () -> s.selectItem(item.code()),
                    "stock-button");
            b.setPrefWidth(220); // and as high as its lines need (the stylesheet keeps it at least 96 px)
            b.setMinWidth(Ui.MIN_TARGET); // narrower, the text wrapping, on an 800x480 panel
            b.setMaxWidth(Double.MAX_VALUE);
            b.setWrapText(true);
            items.add(b, i % COLUMNS, i / COLUMNS);
            i++;
        }
        for (int c = 0; c < COLUMNS; c++) {
            javafx.scene.layout.ColumnConstraints column = new javafx.scene.layout.ColumnConstraints();
            column.setPercentWidth(100.0 / COLUMNS);
            items.getColumnConstraints().add(column);
        }
        Runnable update = () -> items.getChildren().forEach(n -> {
            Button b = (Button) n;
            String code = b.getId().substring("stock-".length());
            b.getStyleClass().removeAll("supply-low", "primary");
            if (code.equals(s.itemProperty().get())) {
                b.getStyleClass().add("primary");
            }
            s.levels().stream().filter(l -> l.item().code().equals(code)).findFirst().ifPresent(l -> {
                String unit = KioskViewModel.CHINESE.equals(m.locale()) ? l.item().unitZh() : " " + l.item().unitEn();
                b.setText(SupplyViewModel.name(l.item(), m) + "  " + l.stock() + unit
                        + (l.low() ? "\n" + m.get("staffSupply.low") : ""));
                if (l.low()) {
                    b.getStyleClass().add("supply-low");
                }
            });
        });
        ListChangeListener<StockLevel> levels = c -> update.run();
        s.levels().addListener(new WeakListChangeListener<>(levels));
        javafx.beans.InvalidationListener chosen = o -> update.run();
        s.itemProperty().addListener(new javafx.beans.WeakInvalidationListener(chosen));
        items.getProperties().put("listeners", new Object[] {levels, chosen});
        update.run();

        Label entry = Ui.label("", "pin-dots");
        entry.setId("supply-entry");
        entry.textProperty().bind(Bindings.createStringBinding(
                () -> s.entryProperty().get().isEmpty() ? "—" : s.entryProperty().get(), s.entryProperty()));
        VBox left = new VBox(12, items, entry, HandoutPane.note(s, m, "staff-supply-note"));
        left.setPrefWidth(470);

        GridPane keypad = new GridPane();
        keypad.getStyleClass().add("keypad");
        keypad.setHgap(10);
        keypad.setVgap(10);
        for (int d = 1; d <= 9; d++) {
            int digit = d;
            keypad.add(Ui.button("supply-key-" + d, Integer.toString(d), () -> s.digit(digit)), (d - 1) % 3, (d - 1) / 3);
        }
        keypad.add(Ui.button("supply-key-sign", "±", s::toggleSign), 0, 3);
        keypad.add(Ui.button("supply-key-0", "0", () -> s.digit(0)), 1, 3);
        keypad.add(Ui.button("supply-key-del", "⌫", s::backspace), 2, 3);

        Button deliver = Ui.button("supply-deliver", m.get("staffSupply.deliver"), s::deliver, "primary");
        Button count = Ui.button("supply-count", m.get("staffSupply.count"), s::correct);
        VBox actions = new VBox(12, deliver, count);
        actions.setAlignment(Pos.TOP_LEFT);

        HBox.setHgrow(left, Priority.ALWAYS);
        HBox body = new HBox(20, left, keypad, actions);
        // scrolls vertically on an 800x480 panel, where the keypad's four rows of gloved-finger
        // keys and the head do not fit one above the other (decision 0280)
        VBox screen = new VBox(12, head, Ui.verticalScroll("supply-body", body));
        screen.getStyleClass().add("kiosk-screen");
        return screen;
    }
}
