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
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.warmstation.kiosk.domain.LoanDesk;
import org.warmstation.protocol.loan.LoanItem;
import org.warmstation.visitlog.domain.Loan;

/**
 * The loan screens (issue 12): the staff's list of what is out and what is overdue (behind the
 * PIN; take an item back, lend to a guest where allowed), the member's borrow/return screen after a
 * check-in, and the staff screen's button to the list ({@link #button}). UI thread only.
 */
final class LoansPane {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private LoansPane() {
    }

    static Node staff(KioskViewModel vm, Messages m) {
        LoanViewModel l = vm.loans();
        ZoneId zone = vm.nowProperty().get().getZone();
        Button back = Ui.button("loans-back", m.get("loans.back"), vm::closeLoans);
        back.getStyleClass().add("wide");
        HBox head = Ui.row(16, Ui.label(m.get("loans.title"), "staff-title"), Ui.grow(), back);
        HBox guest = Ui.row(12, Ui.label(m.get("loans.guestLend"), "staff-line"));
        for (LoanItem item : LoanItem.values()) {
            guest.getChildren().add(Ui.button("lend-guest-" + item, m.get("loanItem." + item), () -> vm.lend(item)));
        }
        guest.setVisible(l.guestsAllowed());
        guest.setManaged(l.guestsAllowed());

        Label summary = Ui.label("", "staff-line");
        summary.setId("loans-summary");
        VBox list = new VBox(6);
        list.setId("loan-list");
        Runnable fill = () -> {
            summary.setText(m.get("loans.summary", l.out().size(), l.overdueCount(),
                    l.guestsAllowed() ? m.get("loans.guestsYes") : m.get("loans.guestsNo")));
            list.getChildren().clear();
            if (l.out().isEmpty()) {
                list.getChildren().add(Ui.label(m.get("loans.none"), "staff-line"));
            }
            for (Loan loan : l.out()) {
                boolean overdue = l.overdue(loan);
                Label text = Ui.label(row(loan, overdue, m, zone), overdue ? "staff-alert" : "staff-line");
                text.setId("loan-" + loan.id());
                text.getProperties().put("overdue", overdue);
                HBox.setHgrow(text, Priority.ALWAYS);
                text.setMaxWidth(Double.MAX_VALUE);
                Button returned = Ui.button("return-" + loan.id(), m.get("loans.returned"), () -> vm.returnLoan(loan.id()));
                list.getChildren().add(Ui.row(12, text, returned));
            }
        };
        ListChangeListener<Loan> listener = c -> fill.run();
        ChangeListener<Object> clock = (o, a, b) -> fill.run();
        l.out().addListener(new WeakListChangeListener<>(listener));
        l.nowProperty().addListener(new WeakChangeListener<>(clock));
        list.getProperties().put("loan-listeners", new Object[] {listener, clock});
        fill.run();
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.setStyle("-fx-background: #14181d; -fx-background-color: #14181d;");
        VBox.setVgrow(scroll, Priority.ALWAYS);

        VBox screen = new VBox(head, summary, guest, message(l, m), scroll);
        screen.setSpacing(10);
        screen.getStyleClass().add("kiosk-screen");
        return screen;
    }

    static Node member(KioskViewModel vm, Messages m) {
        LoanViewModel l = vm.loans();
        Button done = Ui.button("loans-done", m.get("loans.done"), vm::closeLoans, "primary");
        done.getStyleClass().add("wide");
        HBox head = Ui.row(16, Ui.label(m.get("loans.memberTitle"), "staff-title"), Ui.grow(), done);
        HBox lend = Ui.row(12, Ui.label(m.get("loans.borrow"), "subtitle"));
        HBox back = Ui.row(12, Ui.label(m.get("loans.handBack"), "subtitle"));
        for (LoanItem item : LoanItem.values()) {
            Button b = Ui.button("lend-" + item, m.get("loanItem." + item), () -> vm.lend(item));
            b.disableProperty().bind(l.busyProperty());
            lend.getChildren().add(b);
            Button r = Ui.button("hand-back-" + item, m.get("loanItem." + item), () -> vm.returnItem(item));
            r.disableProperty().bind(l.busyProperty());
            back.getChildren().add(r);
        }
        Label mine = Ui.label("", "subtitle");
        mine.setId("member-loans-out");
        ZoneId zone = vm.nowProperty().get().getZone();
        Runnable fill = () -> {
            String items = l.out().stream().filter(x -> x.memberId() != null && x.memberId().equals(l.member()))
                    .map(x -> m.get("loanItem." + x.item()) + " (" + WHEN.format(x.lentAt().atZone(zone)) + ")")
                    .reduce((a, b) -> a + ", " + b).orElse("");
            mine.setText(items.isEmpty() ? m.get("loans.memberNone") : m.get("loans.memberOut", items));
        };
        ListChangeListener<Loan> listener = c -> fill.run();
        l.out().addListener(new WeakListChangeListener<>(listener));
        mine.getProperties().put("loan-listener", listener);
        fill.run();
        VBox screen = new VBox(head, mine, lend, back, message(l, m));
        screen.setSpacing(16);
        screen.getStyleClass().add("kiosk-screen");
        return screen;
    }

    /**
     * The staff screen's button to the loan list (red while a loan is overdue; the list counts them:
     * the staff screen's head has no room for numbers).
     *
     * @param vm the view model
     * @param m  messages
     * @return the button, id {@code staff-loans}; hidden on a terminal without loans
     */
    static Button button(KioskViewModel vm, Messages m) {
        LoanViewModel l = vm.loans();
        Button b = Ui.button("staff-loans", "", vm::openStaffLoans);
        Runnable fill = () -> {
            long overdue = l.overdueCount();
            b.setText(m.get("staff.loans"));
            b.getProperties().put("out", l.out().size());
            b.getProperties().put("overdue", overdue);
            b.setStyle(overdue == 0 ? "" : "-fx-text-fill: #000000; -fx-background-color: #ffffff, #ff8a80;");
        };
        ListChangeListener<Loan> listener = c -> fill.run();
        ChangeListener<Object> clock = (o, x, y) -> fill.run();
        l.out().addListener(new WeakListChangeListener<>(listener));
        l.nowProperty().addListener(new WeakChangeListener<>(clock));
        b.getProperties().put("loan-listeners", new Object[] {listener, clock});
        fill.run();
        b.setVisible(l.available());
        b.setManaged(l.available());
        return b;
    }

    private static Label message(LoanViewModel l, Messages m) {
        Label message = Ui.label("", "staff-alert");
        message.setId("loan-message");
        message.textProperty().bind(Bindings.createStringBinding(() -> {
            if (l.failedProperty().get()) {
                return m.get("loans.failed");
            }
            LoanDesk.Outcome o = l.outcomeProperty().get();
            return o == null ? "" : switch (o) {
                case LoanDesk.Outcome.Lent lent -> m.get("loans.lent", m.get("loanItem." + lent.loan().item()), l.overdueDays());
                case LoanDesk.Outcome.Returned r -> m.get("loans.returnedOk", m.get("loanItem." + r.loan().item()));
                case LoanDesk.Outcome.ReturnedFromElsewhere r -> m.get("loans.returnedElsewhere", m.get("loanItem." + r.item()));
                case LoanDesk.Outcome.Refused r -> m.get("loans.refused." + r.reason());
            };
        }, l.outcomeProperty(), l.failedProperty()));
        message.managedProperty().bind(message.textProperty().isNotEmpty());
        message.visibleProperty().bind(message.managedProperty());
        return message;
    }

    private static String row(Loan loan, boolean overdue, Messages m, ZoneId zone) {
        String who = loan.guest() ? m.get("loans.guest") : m.get("loans.member", loan.memberId().substring(12));
        String state = overdue ? m.get("loans.overdue") : m.get("loans.out");
        return WHEN.format(loan.lentAt().atZone(zone)) + "  " + m.get("loanItem." + loan.item()) + " · " + who + " — " + state;
    }
}
