package org.warmstation.kiosk.ui;

import java.util.ArrayDeque;
import java.util.Queue;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * Scans and guest choices to check-ins, part of {@link KioskViewModel}: scans are queued and
 * checked in one at a time, in the order scanned, in the background; each outcome goes to
 * {@link VisitOnScreen} and picks the next {@link Screen}.
 *
 * <p>Threading: UI thread only, like the view model; the backend runs on the
 * {@link TaskExecutor}, whose callbacks come back on the UI thread.
 */
final class CheckInFlow {
    private static final Logger LOG = LoggerFactory.getLogger(CheckInFlow.class);

    private final KioskBackend backend;
    private final TaskExecutor executor;
    private final ScreenFlow screens;
    private final VisitOnScreen visits;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final Queue<String> pendingScans = new ArrayDeque<>();
    private final Runnable logDamaged;

    /**
     * @param logDamaged shows that the visit log was found damaged while running (decision 0260)
     */
    CheckInFlow(KioskBackend backend, TaskExecutor executor, ScreenFlow screens, VisitOnScreen visits,
                Runnable logDamaged) {
        this.backend = backend;
        this.executor = executor;
        this.screens = screens;
        this.visits = visits;
        this.logDamaged = logDamaged;
    }

    ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** @param text a scanned code; ignored on the staff screens, otherwise queued */
    void scanned(String text) {
        Screen s = screens.current();
        if (s == Screen.STAFF_PIN || s == Screen.STAFF || s == Screen.STAFF_SUPPLIES) {
            LOG.info("scan ignored on the staff screens");
            return;
        }
        pendingScans.add(text == null ? "" : text);
        checkInNext();
    }

    /** @param category the category a guest picked; ignored off the guest screen or while busy */
    void guest(WorkerCategory category) {
        if (screens.current() != Screen.GUEST || busy.get()) {
            return;
        }
        busy.set(true);
        executor.execute(() -> backend.checkInGuest(category), this::showResult, this::showError);
    }

    private void checkInNext() {
        if (busy.get() || pendingScans.isEmpty()) {
            return;
        }
        String text = pendingScans.remove();
        busy.set(true);
        executor.execute(() -> backend.checkIn(text), this::showResult, this::showError);
    }

    private void showResult(CheckInResult result) {
        busy.set(false);
        switch (result) {
            case CheckInResult.Welcome w -> showVisit(w.visit(), Screen.WELCOME);
            case CheckInResult.AlreadyCheckedIn a -> showVisit(a.visit(), Screen.ALREADY_CHECKED_IN);
            case CheckInResult.Rejected r -> {
                visits.reject(r.reason());
                screens.show(Screen.REJECTED);
            }
            case CheckInResult.Failed f when f.logDamaged() -> {
                LOG.error("check-in failed, the visit log is damaged: {}", f.message());
                visits.failed();
                pendingScans.clear(); // they would fail the same way; the terminal starts a fresh log
                logDamaged.run();
            }
            case CheckInResult.Failed f -> {
                LOG.error("check-in failed: {}", f.message());
                visits.failed();
                screens.show(Screen.FAILED);
            }
        }
        checkInNext();
    }

    private void showError(Exception e) {
        showResult(new CheckInResult.Failed(String.valueOf(e)));
    }

    private void showVisit(Visit v, Screen target) {
        visits.show(v);
        screens.show(target);
    }
}
