package org.warmstation.kiosk.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.WeakChangeListener;
import javafx.collections.ListChangeListener;
import javafx.collections.WeakListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.warmstation.protocol.ticket.TicketSource;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.protocol.ticket.TicketText;
import org.warmstation.visitlog.domain.Ticket;

/**
 * The staff's ticket screen (behind the PIN): pick a problem, add a short text, send; below, the
 * station's tickets with their status at the district. Also the staff screen's button to it,
 * which counts the open tickets ({@link #button}). UI thread only.
 */
final class StaffTicketsPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private StaffTicketsPane() {
    }

    static Node build(KioskViewModel vm, Messages m) {
        TicketViewModel t = vm.tickets();
        ZoneId zone = vm.nowProperty().get().getZone();
        Button back = Ui.button("tickets-back", m.get("tickets.back"), vm::backToStaff);
        back.getStyleClass().add("wide");
        HBox head = Ui.row(16, Ui.label(m.get("tickets.title"), "staff-title"), Ui.grow(), LoansPane.button(vm, m), back);

        GridPane problems = ReportPane.problemGrid(m, 4, 236, Ui.MIN_TARGET, p -> {
            t.problemProperty().set(p);
            vm.touched();
        });
        problems.getChildren().forEach(n -> {
            Button b = (Button) n;
            String name = b.getId().substring("problem-".length());
            b.styleProperty().bind(Bindings.when(Bindings.createBooleanBinding(() -> t.problemProperty().get() != null
                    && t.problemProperty().get().name().equals(name), t.problemProperty()))
                    .then("-fx-text-fill: #000000; -fx-background-color: #ffffff, #66bb6a;").otherwise(""));
        });

        TextField text = new TextField();
        text.setId("ticket-text");
        text.setPromptText(m.get("tickets.textPrompt", TicketText.MAX_CHARS));
        text.textProperty().bindBidirectional(t.textProperty());
        text.setMinHeight(Ui.MIN_TARGET);
        text.setStyle("-fx-font-size: 24px;");
        HBox.setHgrow(text, Priority.ALWAYS);
        Button send = Ui.button("ticket-send", m.get("tickets.send"), vm::submitStaffTicket, "primary");
        send.getStyleClass().add("wide");
        send.disableProperty().bind(t.sendingProperty());
        HBox form = Ui.row(12, text, send);

        Label error = Ui.label("", "staff-alert");
        error.setId("ticket-error");
        error.textProperty().bind(Bindings.createStringBinding(() -> t.errorProperty().get().isEmpty() ? ""
                : m.get(t.errorProperty().get(), TicketText.MAX_CHARS), t.errorProperty()));
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());

        VBox list = new VBox(2);
        list.setId("ticket-list");
        Runnable fill = () -> {
            list.getChildren().clear();
            if (t.loadFailedProperty().get()) {
                list.getChildren().add(Ui.label(m.get("tickets.loadFailed"), "staff-alert"));
            } else if (t.tickets().isEmpty()) {
                list.getChildren().add(Ui.label(m.get("tickets.none"), "staff-line"));
            }
            for (Ticket k : t.tickets()) {
                Label l = Ui.label(row(k, m, zone), k.status() == TicketStatus.RESOLVED ? "staff-line" : "staff-alert");
                l.setId("ticket-" + k.id());
                l.getProperties().put("status", k.status());
                list.getChildren().add(l);
            }
        };
        ListChangeListener<Ticket> listener = c -> fill.run();
        ChangeListener<Boolean> failed = (o, a, b) -> fill.run();
        t.tickets().addListener(new WeakListChangeListener<>(listener));
        t.loadFailedProperty().addListener(new WeakChangeListener<>(failed));
        list.getProperties().put("ticket-listeners", new Object[] {listener, failed});
        fill.run();
        // the problems, the form and the list scroll together below the head: on the terminal's
        // panel the list takes the rest, on an 800x480 panel the whole body scrolls (decision 0280)
        VBox body = new VBox(10, problems, form, error, list);
        VBox screen = new VBox(head, Ui.verticalScroll("tickets-body", body));
        screen.setSpacing(10);
        screen.getStyleClass().add("kiosk-screen");
        return screen;
    }

    /**
     * The staff screen's button to the ticket screen, saying how many tickets are open (red while
     * any is), following the tickets live.
     *
     * @param vm the view model
     * @param m  messages
     * @return the button, id {@code staff-tickets}
     */
    static Button button(KioskViewModel vm, Messages m) {
        TicketViewModel t = vm.tickets();
        Button b = Ui.button("staff-tickets", "", vm::openStaffTickets);
        Runnable fill = () -> {
            long open = t.openCount();
            b.setText(open == 0 ? m.get("staff.tickets") : m.get("staff.ticketsOpen", open));
            b.setStyle(open == 0 ? "" : "-fx-text-fill: #000000; -fx-background-color: #ffffff, #ff8a80;");
        };
        ListChangeListener<Ticket> listener = c -> fill.run();
        t.tickets().addListener(new WeakListChangeListener<>(listener));
        b.getProperties().put("ticket-listener", listener);
        fill.run();
        return b;
    }

    private static String row(Ticket k, Messages m, ZoneId zone) {
        String who = k.source() == TicketSource.TERMINAL ? m.get("tickets.fromDevice", k.device()) : m.of(k.source());
        String status = m.of(k.status());
        if (k.statusBy() != null && k.statusAt() != null) {
            status = m.get("tickets.statusBy", status, k.statusBy(), WHEN.format(k.statusAt().atZone(zone)));
        }
        String text = k.text() == null ? "" : " · " + k.text();
        return WHEN.format(k.openedAt().atZone(zone)) + "  " + m.of(k.problem()) + " · " + who + text + " — " + status;
    }
}
