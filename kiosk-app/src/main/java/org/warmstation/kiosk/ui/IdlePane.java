package org.warmstation.kiosk.ui;

import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/**
 * The idle screen: station, clock (with the room's temperature and humidity when the station has
 * an ambient sensor), "show your member QR code", guest, language, large text, staff; outside the
 * opening hours "closed, opens at 7:00" and the nearest station open instead of the prompt and the
 * guest button (unless staff unlocked check-in).
 */
final class IdlePane {
    private IdlePane() {
    }

    static Node build(KioskViewModel vm, Messages m) {
        DateTimeFormatter date = DateTimeFormatter.ofPattern(m.get("idle.date"), m.locale());
        DateTimeFormatter time = DateTimeFormatter.ofPattern(m.get("idle.time"), m.locale());

        HBox banner = new HBox(Ui.label(m.get("idle.scannerProblem")));
        banner.getStyleClass().add("banner");
        banner.setId("scanner-banner");
        banner.visibleProperty().bind(vm.scannerProblemProperty());
        banner.managedProperty().bind(vm.scannerProblemProperty());

        HBox damaged = new HBox(Ui.label(m.get("idle.damaged")));
        damaged.getStyleClass().add("banner");
        damaged.setId("damaged-banner");
        damaged.visibleProperty().bind(vm.terminalDamagedProperty());
        damaged.managedProperty().bind(vm.terminalDamagedProperty());

        Label clockTime = Ui.label("", "clock-time");
        clockTime.setId("clock-time");
        clockTime.textProperty().bind(Bindings.createStringBinding(
                () -> time.format(vm.nowProperty().get()), vm.nowProperty()));
        Label clockDate = Ui.label("", "clock-date");
        clockDate.textProperty().bind(Bindings.createStringBinding(
                () -> date.format(vm.nowProperty().get()), vm.nowProperty()));
        Label room = Ui.label("", "clock-date");
        room.setId("idle-room");
        PeripheralsViewModel hw = vm.peripherals();
        room.textProperty().bind(Bindings.createStringBinding(() -> hw.ambient()
                .map(a -> m.get("idle.room", a.celsius(), a.relativeHumidity())).orElse(""), hw.snapshotProperty()));
        room.visibleProperty().bind(room.textProperty().isNotEmpty());
        room.managedProperty().bind(room.visibleProperty());
        for (Label l : new Label[] {clockTime, clockDate, room}) {
            l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the station name gives way
        }
        VBox clock = new VBox(clockTime, clockDate, room);
        clock.setAlignment(Pos.CENTER_RIGHT);
        HBox top = Ui.row(16, Ui.label(vm.settings().stationName(), "station-name"), Ui.grow(), largeText(vm, m), clock);

        Label prompt = Ui.label(m.get("idle.prompt"), "prompt");
        prompt.setId("prompt");
        prompt.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Label hint = Ui.label(m.get("idle.hint"), "hint");
        hint.setId("idle-hint");
        hint.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        Label checking = Ui.label(m.get("idle.checking"), "subtitle");
        checking.visibleProperty().bind(vm.busyProperty());
        Label notice = Ui.label("", "subtitle");
        notice.setId("idle-announcement");
        notice.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        notice.textProperty().bind(Bindings.createStringBinding(() -> vm.announcementProperty().get().isEmpty() ? ""
                : m.get("idle.announcement", vm.announcementProperty().get()), vm.announcementProperty()));
        notice.visibleProperty().bind(vm.announcementProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        Label closed = Ui.label("", "prompt");
        closed.setId("idle-closed");
        closed.setStyle("-fx-font-size: 44px;");
        closed.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        closed.textProperty().bind(Bindings.createStringBinding(() -> vm.closedProperty().get() == null ? ""
                : ClosedText.closed(vm.closedProperty().get(), vm.nowProperty().get().toLocalDateTime(), m),
                vm.closedProperty(), vm.nowProperty()));
        Label nearest = Ui.label("", "subtitle");
        nearest.setId("idle-nearest");
        nearest.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        nearest.textProperty().bind(Bindings.createStringBinding(() -> vm.closedProperty().get() == null ? ""
                : ClosedText.nearest(vm.closedProperty().get(), m), vm.closedProperty()));
        Label unlocked = Ui.label(m.get("closed.unlocked"), "hint");
        unlocked.setId("idle-unlocked");
        showWhen(unlocked, vm.checkInUnlockedProperty());
        var blocked = vm.checkInBlockedProperty();
        showWhen(closed, blocked);
        showWhen(nearest, blocked);
        showWhen(prompt, blocked.not());
        showWhen(hint, blocked.not());
        VBox middle = new VBox(12, notice, closed, nearest, prompt, hint, unlocked, checking);
        middle.setAlignment(Pos.CENTER);

        Button language = Ui.button("language", m.get("language.switch"), vm::toggleLanguage);
        if (!vm.tickets().available()) { // the report button needs the room otherwise
            language.getStyleClass().add("wide");
        }
        Button guest = Ui.button("guest", m.get("idle.guest"), vm::startGuest, "primary");
        guest.getStyleClass().add("wide");
        guest.visibleProperty().bind(blocked.not());
        Button staff = Ui.button("staff", m.get("idle.staff"), vm::openStaff, "subtle");
        staff.setMinWidth(Ui.MIN_TARGET); // "Staff" alone is narrower than a gloved fingertip
        Button report = Ui.button("report", m.get("idle.report"), vm::startReport, "subtle");
        report.setMinWidth(Ui.MIN_TARGET);
        report.setVisible(vm.tickets().available());
        report.setManaged(vm.tickets().available());
        HBox bottom = Ui.row(vm.tickets().available() ? 8 : 16, language, Ui.grow(), guest, Ui.grow(), report, staff);

        VBox screen = new VBox(damaged, banner, top, Ui.grow(), middle, Ui.grow(), bottom);
        screen.getStyleClass().add("kiosk-screen");
        return screen;
    }

    /** The one big large-text button (大字), selected while large text is on. */
    private static ToggleButton largeText(KioskViewModel vm, Messages m) {
        ToggleButton t = new ToggleButton(m.get("idle.largeText"));
        t.setId("large-text");
        t.setSelected(vm.largeTextProperty().get());
        t.setOnAction(e -> vm.toggleLargeText());
        t.setFocusTraversable(false);
        t.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        t.setMinHeight(Ui.MIN_TARGET);
        return t;
    }

    private static void showWhen(Node node, javafx.beans.value.ObservableBooleanValue when) {
        node.visibleProperty().bind(when);
        node.managedProperty().bind(when);
    }
}
