package org.warmstation.kiosk.ui;

import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import javafx.collections.SetChangeListener;
import javafx.collections.WeakSetChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;

/**
 * The welcome and already-checked-in screens: greeting, worker category, and one toggle per
 * {@link Service}, several of which may be on.
 */
final class WelcomePane {
    private static final int COLUMNS = 4;

    private WelcomePane() {
    }

    static Node build(KioskViewModel vm, Messages m) {
        Visit visit = vm.visitProperty().get();
        boolean already = vm.screenProperty().get() == Screen.ALREADY_CHECKED_IN;
        ZonedDateTime at = visit.recordedAt().atZone(visit.zone());

        Label mark = Ui.label(already ? "i" : "✓", "mark", already ? "mark-warn" : "mark-ok");
        Label greeting = Ui.label(already ? m.get("already.title") : greeting(m, at.getHour()), "greeting");
        greeting.setId("greeting");
        Label category = Ui.label(visit.guest() ? m.get("welcome.guest") + " · " + m.of(visit.category())
                : m.of(visit.category()), "category-badge");
        category.setId("visit-category");
        // one line where there is room; two rather than pushing the buttons off an 800x480 panel
        // in large text (decision 0280)
        category.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label detail = Ui.label(already
                ? m.get("already.detail", DateTimeFormatter.ofPattern("HH:mm").format(at))
                : m.get("welcome.thanks"), "subtitle");
        VBox words = new VBox(4, greeting, detail);
        Button done = Ui.button("done", m.get("welcome.done"), vm::finishVisit, "primary");
        done.getStyleClass().add("wide");
        Button loans = Ui.button("member-loans", m.get("welcome.loans"), vm::openMemberLoans);
        loans.setVisible(vm.loans().available() && !visit.guest() && !already); // 'already' has a longer line
        loans.setManaged(loans.isVisible());
        Button supplies = Ui.button("supplies", m.get("supply.open"), vm.supplies()::openHandout);
        supplies.setVisible(vm.supplies().available() && !already); // the visit just recorded (and room for the time)
        supplies.setManaged(supplies.isVisible());
        HBox head = Ui.row(20, mark, words, Ui.grow(), done);
        VBox choose = new VBox(4, category, Ui.label(m.get("welcome.choose"), "subtitle"));

        GridPane grid = new GridPane();
        grid.setHgap(16);
        grid.setVgap(16);
        Map<Service, ToggleButton> toggles = new EnumMap<>(Service.class);
        int i = 0;
        for (Service s : Service.values()) {
            if (!vm.offeredServices().contains(s) && !vm.services().contains(s)) {
                continue; // the district switched it off (a service already chosen stays visible)
            }
            String name = m.of(s);
            ToggleButton t = new ToggleButton(name);
            t.selectedProperty().addListener((o, was, on) -> t.setText(on ? "✓ " + name : name));
            t.setId("service-" + s.name());
            t.setFocusTraversable(false);
            t.setSelected(vm.services().contains(s));
            t.setPrefSize(230, 160); // on the 1024x600 panel; the grid's constraints share out any other
            t.setMinSize(Ui.MIN_TARGET, Ui.MIN_TARGET);
            t.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
            t.setOnAction(e -> {
                vm.toggleService(s);
                t.setSelected(vm.services().contains(s));
            });
            toggles.put(s, t);
            grid.add(t, i % COLUMNS, i / COLUMNS);
            i++;
        }

        Ui.shareOut(grid, COLUMNS, i);
        SetChangeListener<Service> sync = change -> toggles.forEach(
                (s, t) -> t.setSelected(vm.services().contains(s)));
        vm.services().addListener(new WeakSetChangeListener<>(sync));
        grid.getProperties().put("services-listener", sync);

        Label saveFailed = Ui.label(m.get("welcome.saveFailed"), "pin-message");
        saveFailed.visibleProperty().bind(vm.saveFailedProperty());
        saveFailed.managedProperty().bind(vm.saveFailedProperty());

        // supplies and loans beside the category and the prompt: the head has no room for them in English
        VBox screen = new VBox(head, supplies.isVisible() || loans.isVisible()
                ? Ui.row(16, choose, Ui.grow(), supplies, loans) : choose, grid, saveFailed);
        screen.getStyleClass().add("kiosk-screen");
        return screen;
    }

    private static String greeting(Messages m, int hour) {
        if (hour >= 4 && hour < 11) {
            return m.get("welcome.greeting.morning");
        }
        return hour >= 11 && hour < 18 ? m.get("welcome.greeting.afternoon") : m.get("welcome.greeting.evening");
    }
}
