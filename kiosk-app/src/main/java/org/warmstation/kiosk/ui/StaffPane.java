package org.warmstation.kiosk.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.warmstation.kiosk.domain.DailyUsage;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.protocol.card.WorkerCategory;

/** The staff screen: today's person-visits, members, guests, and visits by hour, trade, service. */
final class StaffPane {
    private StaffPane() {
    }

    static Node build(KioskViewModel vm, Messages m) {
        StaffViewModel staff = vm.staff();
        String day = vm.nowProperty().get().toLocalDate()
                .format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(m.locale()));
        Button refresh = Ui.button("staff-refresh", m.get("staff.refresh"), vm::refreshStaff);
        Button back = Ui.button("staff-back", m.get("staff.back"), vm::backToIdle);
        Button tickets = StaffTicketsPane.button(vm, m);
        Button supplies = StaffSuppliesPane.button(vm, m);
        tickets.setVisible(vm.tickets().available());
        tickets.setManaged(vm.tickets().available());
        if (!vm.tickets().available()) { // room for the tickets button beside the title otherwise
            refresh.getStyleClass().add("wide");
            back.getStyleClass().add("wide");
        }
        Label title = Ui.label(m.get("staff.title", day), "staff-title");
        title.setWrapText(true); // two lines rather than pushing the buttons off a small panel
        HBox head = Ui.row(16, title, Ui.grow(), tickets, refresh, back);

        HBox body = new HBox(16);
        Label status = Ui.label("", "subtitle");
        status.setId("staff-status");
        Runnable fill = () -> {
            DailyUsage u = staff.usageProperty().get();
            status.setText(staff.usageFailedProperty().get() ? m.get("staff.loadFailed")
                    : u == null ? m.get("staff.loading") : "");
            status.setManaged(!status.getText().isEmpty());
            Node[] parts = u == null ? new Node[0] : content(u, m);
            if (parts.length == 3 && supplies.isVisible()) { // the supplies button above the chart (the head is full)
                VBox.setVgrow(parts[1], Priority.ALWAYS);
                VBox column = new VBox(8, supplies, parts[1]);
                HBox.setHgrow(column, Priority.ALWAYS);
                parts[1] = column;
            }
            body.getChildren().setAll(parts);
        };
        ChangeListener<Object> listener = (o, a, b) -> fill.run();
        staff.usageProperty().addListener(new WeakChangeListener<>(listener));
        staff.usageFailedProperty().addListener(new WeakChangeListener<>(listener));
        body.getProperties().put("usage-listener", listener);
        fill.run();

        // the re-enroll button only where re-enrollment is available (a configured terminal): wrapping
        // the sync line in a row for it cost the 1024x600 staff screen 2 px (ScreenshotTest)
        Node sync = StaffSyncPane.row(vm, m);
        Node syncRow = vm.reenrollment().available() ? Ui.row(16, sync, Ui.grow(), ReenrollPane.button(vm, m)) : sync;
        VBox screen = new VBox(head, StaffHardwarePane.row(vm, m), syncRow, status, scrolling(body));
        screen.getStyleClass().add("kiosk-screen");
        return screen;
    }

    /**
     * The figures, chart and tables scroll vertically when the panel is too low for them (800x480:
     * the head and the sync row take 96 px each for gloved fingers), never sideways; dragging
     * scrolls them (decision 0280).
     */
    private static ScrollPane scrolling(HBox body) {
        ScrollPane scroll = Ui.verticalScroll("staff-body", body);
        scroll.setFitToHeight(true); // the chart takes the height there is
        return scroll;
    }

    private static Node[] content(DailyUsage u, Messages m) {
        VBox figures = new VBox(10,
                figure("staff-person-visits", u.personVisits(), m.get("staff.personVisits")),
                figure("staff-members", u.distinctMembers(), m.get("staff.members")),
                figure("staff-guests", u.guestVisits(), m.get("staff.guests")));
        figures.setMinWidth(150);

        int most = u.byHour().values().stream().mapToInt(Integer::intValue).max().orElse(0);
        int upper = Math.max(4, most);
        CategoryAxis hours = new CategoryAxis();
        NumberAxis count = new NumberAxis(0, upper, Math.max(1, (upper + 3) / 4));
        count.setMinorTickVisible(false);
        count.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n.doubleValue() == Math.rint(n.doubleValue()) ? Integer.toString(n.intValue()) : "";
            }

            @Override
            public Number fromString(String text) {
                return Integer.valueOf(text);
            }
        });
        BarChart<String, Number> chart = new BarChart<>(hours, count);
        chart.setId("staff-by-hour");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setTitle(m.get("staff.byHour"));
        chart.setCategoryGap(2);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        for (int h = 0; h < 24; h++) {
            series.getData().add(new XYChart.Data<>(Integer.toString(h), u.byHour().getOrDefault(h, 0)));
        }
        chart.getData().add(series);
        chart.setPrefSize(400, 420);
        chart.setMinWidth(160); // gives way first on an 800-px panel: the English tables need the room
        HBox.setHgrow(chart, Priority.ALWAYS);

        GridPane table = new GridPane();
        table.setId("staff-tables");
        table.setHgap(8);
        table.setVgap(4);
        table.add(Ui.label(m.get("staff.byCategory"), "table-head"), 0, 0, 2, 1);
        table.add(Ui.label(m.get("staff.byService"), "table-head"), 2, 0, 2, 1);
        int row = 1;
        for (WorkerCategory c : WorkerCategory.values()) {
            table.add(Ui.label(m.of(c), "table-cell"), 0, row);
            table.add(count(u.byCategory().getOrDefault(c, 0)), 1, row++);
        }
        row = 1;
        for (Service s : Service.values()) {
            table.add(Ui.label(m.of(s), "table-cell"), 2, row);
            table.add(count(u.byService().getOrDefault(s, 0)), 3, row++);
        }
        for (javafx.scene.Node n : table.getChildren()) {
            ((Label) n).setWrapText(false);
            ((Label) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        }
        return new Node[] {figures, chart, table};
    }

    private static VBox figure(String id, int value, String name) {
        Label v = Ui.label(Integer.toString(value), "figure-value");
        v.setId(id);
        Label n = Ui.label(name, "figure-name");
        n.setWrapText(false);
        n.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return new VBox(-4, v, n);
    }

    private static Label count(int n) {
        Label l = Ui.label(Integer.toString(n), "table-cell");
        l.setStyle("-fx-font-weight: bold;");
        return l;
    }
}
