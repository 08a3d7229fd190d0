package org.warmstation.kiosk.ui;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.domain.LoanDesk;
import org.warmstation.protocol.loan.LoanItem;
import org.warmstation.visitlog.domain.Loan;

/**
 * State of the loan screens: the loans of this station still out (and which are overdue at the
 * station clock's time), the member on screen after a check-in, and the outcome of the last
 * lending or return to explain. Used by {@link KioskViewModel}; all methods on the UI thread,
 * storage work through the {@link TaskExecutor}.
 */
public final class LoanViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(LoanViewModel.class);

    private final LoanDesk desk;
    private final TaskExecutor executor;
    private final ObservableList<Loan> out = FXCollections.observableArrayList();
    private final ObservableList<Loan> readOnlyOut = FXCollections.unmodifiableObservableList(out);
    private final ObjectProperty<Instant> now = new SimpleObjectProperty<>(Instant.EPOCH);
    private final ReadOnlyObjectWrapper<LoanDesk.Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private String member;

    /**
     * @param desk     lends and takes back (blocking), or null on a terminal without loans
     * @param executor runs the storage work
     */
    LoanViewModel(LoanDesk desk, TaskExecutor executor) {
        this.desk = desk;
        this.executor = executor;
    }

    /** @return whether this terminal lends (the screens hide the buttons otherwise) */
    public boolean available() {
        return desk != null;
    }

    /** @return whether guests may borrow here */
    public boolean guestsAllowed() {
        return desk != null && desk.rules().guestsAllowed();
    }

    /** @return the station's overdue period in whole days (what the lending message tells the member) */
    public long overdueDays() {
        return desk == null ? 0 : desk.rules().overdue().toDays();
    }

    /** @return the loans of this station still out, oldest first (read-only) */
    public ObservableList<Loan> out() {
        return readOnlyOut;
    }

    /** @return the station clock's time the overdue marks are judged at (follows the kiosk's tick) */
    public ObjectProperty<Instant> nowProperty() {
        return now;
    }

    /**
     * @param loan a loan
     * @return whether it is overdue now (out longer than the station's overdue period)
     */
    public boolean overdue(Loan loan) {
        return desk != null && loan.overdue(now.get(), desk.rules().overdue());
    }

    /** @return how many loans out are overdue now */
    public long overdueCount() {
        return out.stream().filter(this::overdue).count();
    }

    /** @return the outcome of the last lending or return (the screen's message), null before */
    public ReadOnlyObjectProperty<LoanDesk.Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    /** @return whether the last storage work failed */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** @return whether a movement is being stored */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** @return the member id of the member on the member loan screen, or null */
    public String member() {
        return member;
    }

    /** @param memberId the member on screen (from the card of the check-in), or null */
    void member(String memberId) {
        this.member = memberId;
    }

    /** @param item lent to the member on screen, or to a guest when there is none */
    void lend(LoanItem item) {
        String who = member;
        run(() -> desk.lend(item, who));
    }

    /** @param item handed back by the member on screen */
    void returnByMember(LoanItem item) {
        String who = member;
        if (who != null) {
            run(() -> desk.returnByMember(item, who));
        }
    }

    /** @param loanId a loan picked from the staff list comes back */
    void returnLoan(UUID loanId) {
        run(() -> desk.returnLoan(loanId));
    }

    private void run(java.util.concurrent.Callable<LoanDesk.Outcome> work) {
        if (desk == null || busy.get()) {
            return;
        }
        busy.set(true);
        executor.execute(work, (LoanDesk.Outcome o) -> {
            busy.set(false);
            failed.set(false);
            outcome.set(o);
            refresh();
        }, e -> {
            LOG.error("a loan movement could not be stored", e);
            busy.set(false);
            failed.set(true);
        });
    }

    /** Re-reads the loans out in the background. */
    void refresh() {
        if (desk == null) {
            return;
        }
        executor.execute(desk::out, (List<Loan> list) -> out.setAll(list), e -> {
            LOG.error("could not read the loans", e);
            failed.set(true);
        });
    }

    /** Closes the loan desk's store (the kiosk is shutting down); idempotent. */
    public void close() {
        if (desk != null) {
            desk.close();
        }
    }

    /** Forgets the member and the last outcome (leaving the screens). */
    void clear() {
        member = null;
        outcome.set(null);
        failed.set(false);
    }
}
