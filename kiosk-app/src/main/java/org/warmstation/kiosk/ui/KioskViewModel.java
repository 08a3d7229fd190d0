package org.warmstation.kiosk.ui;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.devices.scan.ScannerStatus;
import org.warmstation.kiosk.domain.ClosedNotice;
import org.warmstation.kiosk.domain.PinGate;
import org.warmstation.kiosk.domain.TicketService;
import org.warmstation.protocol.ticket.TicketProblem;
import org.warmstation.protocol.ticket.TicketSource;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.StationClock;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.protocol.card.RejectionReason;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.wire.Neighbours;
import org.warmstation.protocol.wire.StationHours;

/**
 * The state of the kiosk screen, free of any scene graph: which {@link Screen} is up, the visit
 * being welcomed and its services, the rejection reason, the clock, the language, the scanner
 * banner. Views bind to its properties and call its methods. It is the front of its parts: the
 * screen and its timeout in {@link ScreenFlow}, the scan queue and check-ins in {@link CheckInFlow},
 * the visit's state in {@link VisitOnScreen}, the clock, language, banner and announcement in
 * {@link IdleScreenState}, the staff keypad and screen in {@link StaffViewModel}.
 *
 * <p>Threading: every method must be called on the UI thread (the thread of the
 * {@link TaskExecutor}'s callbacks); blocking work goes through the executor. Scans arriving on a
 * scanner thread are handed over with {@link TaskExecutor#runOnUi}.
 */
public final class KioskViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(KioskViewModel.class);
    /** Simplified Chinese, the default language. */
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    /** English. */
    public static final Locale ENGLISH = Locale.ENGLISH;

    private final KioskBackend backend;
    private final TaskExecutor executor;
    private final KioskSettings settings;
    private final StaffViewModel staff;
    private final PeripheralsViewModel peripherals;
    private final TicketViewModel tickets;
    private LoanViewModel loans;

    private final IdleScreenState status;
    private final OpeningState opening = new OpeningState();
    private final VisitOnScreen visits = new VisitOnScreen();
    private final ScreenFlow screens;
    private final Reenrollment reenrollment = new Reenrollment();
    private Screen afterPin = Screen.STAFF;
    private final CheckInFlow checkIns;
    private final SupplyViewModel supplies;

    private TaskExecutor.Timer ticker = TaskExecutor.Timer.NONE;

    /**
     * @param backend  the check-in domain
     * @param executor runs blocking work and timers
     * @param clock    the station clock (shown on the idle screen, and the staff screen's day)
     * @param zone     the station's zone
     * @param pinGate  guards the staff screen
     * @param settings timeouts and the station name
     */
    public KioskViewModel(KioskBackend backend, TaskExecutor executor, StationClock clock, ZoneId zone,
                          PinGate pinGate, KioskSettings settings) {
        this(backend, executor, clock, zone, pinGate, settings, PeripheralsViewModel.none(executor));
    }

    /**
     * @param backend     the check-in domain
     * @param executor    runs blocking work and timers
     * @param clock       the station clock (shown on the idle screen, and the staff screen's day)
     * @param zone        the station's zone
     * @param pinGate     guards the staff screen
     * @param settings    timeouts and the station name
     * @param peripherals the station's peripherals as the screen sees them
     */
    public KioskViewModel(KioskBackend backend, TaskExecutor executor, StationClock clock, ZoneId zone,
                          PinGate pinGate, KioskSettings settings, PeripheralsViewModel peripherals) {
        this(backend, executor, clock, zone, pinGate, settings, peripherals, null);
    }

    /**
     * @param backend     the check-in domain
     * @param executor    runs blocking work and timers
     * @param clock       the station clock (shown on the idle screen, and the staff screen's day)
     * @param zone        the station's zone
     * @param pinGate     guards the staff screen
     * @param settings    timeouts and the station name
     * @param peripherals the station's peripherals as the screen sees them
     * @param tickets     opens and lists fault and wish tickets (blocking), or null on a terminal
     *                    without them (no report buttons then)
     */
    public KioskViewModel(KioskBackend backend, TaskExecutor executor, StationClock clock, ZoneId zone,
                          PinGate pinGate, KioskSettings settings, PeripheralsViewModel peripherals,
                          TicketService tickets) {
        this.tickets = new TicketViewModel(tickets, Objects.requireNonNull(executor, "executor"));
        this.loans = new LoanViewModel(null, executor);
        this.peripherals = Objects.requireNonNull(peripherals, "peripherals");
        this.backend = Objects.requireNonNull(backend, "backend");
        this.executor = Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(zone, "zone");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.staff = new StaffViewModel(pinGate, backend, executor, peripherals);
        this.status = new IdleScreenState(clock, zone);
        this.screens = new ScreenFlow(this.executor, this.settings, () -> {
            visits.clear();
            staff.clearEntry();
            this.tickets.clear();
            this.loans.clear();
        });
        this.checkIns = new CheckInFlow(this.backend, this.executor, screens, visits, this::terminalDamaged);
        opening.update(status.nowProperty().get().toLocalDateTime());
        this.supplies = new SupplyViewModel(this.executor, screens, visits, () -> {
            screens.show(Screen.STAFF);
            refreshStaff();
        });
        screens.restOn(supplies::resting);
    }

    /** Starts the clock ticking once a second. */
    public void start() {
        ticker.cancel();
        ticker = executor.every(Duration.ofSeconds(1), this::tick);
    }

    /** Stops the clock and any screen timeout. */
    public void stop() {
        ticker.cancel();
        screens.stop();
    }

    // ---- properties -------------------------------------------------------------------------

    /** @return whether the workers' screens show large text (for older workers) */
    public ReadOnlyBooleanProperty largeTextProperty() {
        return status.largeTextProperty();
    }

    /** @return the screen shown */
    public ReadOnlyObjectProperty<Screen> screenProperty() {
        return screens.screenProperty();
    }

    /** @return the language of all text; Simplified Chinese by default */
    public ObjectProperty<Locale> localeProperty() {
        return status.localeProperty();
    }

    /** @return the station's local date and time, updated each second */
    public ReadOnlyObjectProperty<ZonedDateTime> nowProperty() {
        return status.nowProperty();
    }

    /** @return whether the camera is failing and being restarted (banner on the idle screen) */
    public ReadOnlyBooleanProperty scannerProblemProperty() {
        return status.scannerProblemProperty();
    }

    /** @return whether the visit log was found damaged at this start (banner on the idle screen) */
    public ReadOnlyBooleanProperty terminalDamagedProperty() {
        return status.terminalDamagedProperty();
    }

    /** @return whether a check-in is being processed */
    public ReadOnlyBooleanProperty busyProperty() {
        return checkIns.busyProperty();
    }

    /** @return the visit on the welcome or already-checked-in screen */
    public ReadOnlyObjectProperty<Visit> visitProperty() {
        return visits.visitProperty();
    }

    /** @return the services chosen for that visit (read-only view) */
    public ObservableSet<Service> services() {
        return visits.services();
    }

    /** @return whether saving the last service choice failed */
    public ReadOnlyBooleanProperty saveFailedProperty() {
        return visits.saveFailedProperty();
    }

    /** @return the reason shown on the rejected screen */
    public ReadOnlyObjectProperty<RejectionReason> rejectionProperty() {
        return visits.rejectionProperty();
    }

    /** @return the staff keypad and staff screen state */
    public StaffViewModel staff() {
        return staff;
    }

    /** @return the station's peripherals as the screen sees them (room reading, alerts, mute) */
    public PeripheralsViewModel peripherals() {
        return peripherals;
    }

    /** @return the district's announcement on the idle screen (e.g. a cold-wave warning); empty for none */
    public ReadOnlyStringProperty announcementProperty() {
        return status.announcementProperty();
    }

    /** @return the services the welcome screen offers (all unless the district's settings say otherwise) */
    public Set<Service> offeredServices() {
        return visits.offered();
    }

    /**
     * Takes the station settings the district sent: the idle screen's announcement and the
     * services offered from the next welcome screen on.
     *
     * @param text     the announcement, or null/blank for none
     * @param services the services offered; empty means all
     */
    public void stationSettings(String text, Set<Service> services) {
        status.announce(text);
        visits.offer(services);
    }

    /**
     * Takes the district's opening hours and nearest stations; the idle screen shows the closed
     * notice outside the hours from now on.
     *
     * @param hours      the station's opening hours ({@link StationHours#ALWAYS} when none were sent)
     * @param neighbours the nearest stations of the district with their hours
     */
    public void stationHours(StationHours hours, Neighbours neighbours) {
        opening.set(hours, neighbours, status.nowProperty().get().toLocalDateTime());
    }

    /** @return what to tell while the station is closed by its hours; null while open */
    public ReadOnlyObjectProperty<ClosedNotice> closedProperty() {
        return opening.noticeProperty();
    }

    /** @return whether check-in is refused now: closed by the hours and not unlocked by staff */
    public ReadOnlyBooleanProperty checkInBlockedProperty() {
        return opening.blockedProperty();
    }

    /** @return whether staff allowed check-in outside the opening hours */
    public ReadOnlyBooleanProperty checkInUnlockedProperty() {
        return opening.unlockedProperty();
    }

    /**
     * Staff allow (or stop) check-in outside the opening hours, until the station next opens by
     * its hours. Only from the staff screen; ignored elsewhere and while open.
     *
     * @param on allow or stop
     */
    public void unlockCheckIn(boolean on) {
        if (screens.current() == Screen.STAFF) {
            opening.unlock(on);
            LOG.info("staff {} check-in outside the opening hours", on ? "allowed" : "stopped");
            touched();
        }
    }

    /** @return the settings */
    public KioskSettings settings() {
        return settings;
    }

    // ---- scanning and check-in ---------------------------------------------------------------

    /**
     * A scanner read a code. Ignored on the staff screens and while closed by the opening hours
     * (unless staff unlocked check-in); otherwise queued and checked in, one at a time, in the
     * order scanned.
     *
     * @param text the text as read
     */
    public void scanned(String text) {
        if (screens.current() == Screen.STAFF_REENROLL) { // a new enrollment code, not a member card
            reenrollment.scanned(text);
            return;
        }
        if (opening.blockedProperty().get()) {
            LOG.info("scan ignored: closed by the opening hours");
            return;
        }
        supplies.dismissRating();
        checkIns.scanned(text);
    }

    /**
     * Toggles a service of the visit on screen and saves the new set in the background. Resets
     * the welcome timeout. Does nothing when no visit is shown.
     *
     * @param service the service tapped
     */
    public void toggleService(Service service) {
        Visit v = visits.current();
        if (v == null || (screens.current() != Screen.WELCOME && screens.current() != Screen.ALREADY_CHECKED_IN)) {
            return;
        }
        Set<Service> chosen = visits.toggle(service);
        touched();
        executor.execute(() -> backend.setServices(v.id(), chosen), visits::saved, e -> {
            LOG.error("could not save services {} of visit {}", chosen, v.id(), e);
            visits.saveFailed();
        });
    }

    /** The visitor is done: back to the idle screen, the visit kept. */
    public void finishVisit() {
        screens.goIdle();
    }

    // ---- guests ------------------------------------------------------------------------------

    /** Opens the guest screen (a visitor without a card); not while closed by the opening hours. */
    public void startGuest() {
        if (opening.blockedProperty().get()) {
            return;
        }
        screens.show(Screen.GUEST);
    }

    /**
     * A guest picked a category: records a guest visit in the background.
     *
     * @param category the category
     */
    public void chooseGuestCategory(WorkerCategory category) {
        checkIns.guest(category);
    }

    // ---- staff -------------------------------------------------------------------------------

    /** Opens the PIN keypad; the right PIN opens the staff screen. */
    public void openStaff() {
        afterPin = Screen.STAFF;
        staff.clearEntry();
        screens.show(Screen.STAFF_PIN);
    }

    /** @return the staff's re-enrollment of this terminal (decision 0225) */
    public Reenrollment reenrollment() {
        return reenrollment;
    }

    /**
     * From the damaged screen (or any other): opens the PIN keypad, and the right PIN opens the
     * re-enrollment screen. Does nothing when re-enrollment is not available.
     */
    public void openReenrollBehindPin() {
        if (!reenrollment.available()) {
            return;
        }
        openStaff();
        afterPin = Screen.STAFF_REENROLL;
    }

    /** From the staff screen: the re-enrollment screen, waiting for a new code of this station. */
    public void openReenroll() {
        if (screens.current() != Screen.STAFF || !reenrollment.available()) {
            return;
        }
        reenrollment.open();
        screens.show(Screen.STAFF_REENROLL);
    }

    /**
     * @param digit 0–9 tapped on the keypad
     * @throws IllegalArgumentException when not a digit
     */
    public void pinDigit(int digit) {
        staff.digit(digit);
        touched();
    }

    /** Removes the last PIN digit. */
    public void pinBackspace() {
        staff.backspace();
        touched();
    }

    /** Checks the PIN entered; opens the staff screen when it is right. */
    public void pinSubmit() {
        if (screens.current() != Screen.STAFF_PIN) {
            return;
        }
        touched();
        staff.submit(() -> {
            if (screens.current() == Screen.STAFF_PIN) {
                screens.show(Screen.STAFF);
                refreshStaff();
                if (afterPin == Screen.STAFF_REENROLL) {
                    openReenroll();
                }
            }
        });
    }

    /** Reloads today's figures and the tickets on the staff screen. */
    public void refreshStaff() {
        staff.refresh(status.nowProperty().get().toLocalDate());
        tickets.refresh(status.nowProperty().get().toInstant(), true);
        loans.refresh();
        supplies.refresh();
        touched();
    }

    /** @return the supply and rating screens' state (issue 12) */
    public SupplyViewModel supplies() {
        return supplies;
    }

    // ---- tickets -----------------------------------------------------------------------------

    /** @return the ticket screens' state: problem, text, message, the station's tickets */
    public TicketViewModel tickets() {
        return tickets;
    }

    /** A visitor opens the report screen from the idle screen. */
    public void startReport() {
        if (!tickets.available()) {
            return;
        }
        tickets.clear();
        screens.show(Screen.REPORT);
    }

    /**
     * A visitor tapped a problem: the ticket is stored (no text, nothing about the visitor) and
     * the screen thanks them.
     *
     * @param problem the problem
     */
    public void reportProblem(TicketProblem problem) {
        if (screens.current() != Screen.REPORT) {
            return;
        }
        touched();
        tickets.problemProperty().set(problem);
        tickets.submit(TicketSource.VISITOR, screens::restartTimeout);
    }

    /** Staff open their ticket screen from the staff screen. */
    public void openStaffTickets() {
        if (screens.current() != Screen.STAFF || !tickets.available()) {
            return;
        }
        tickets.clear();
        screens.show(Screen.STAFF_TICKETS);
        tickets.refresh(status.nowProperty().get().toInstant(), true);
    }

    /**
     * Staff send the ticket of the chosen problem with their text; a text over 200 characters or
     * with control characters is refused with a message and nothing is stored.
     */
    public void submitStaffTicket() {
        if (screens.current() != Screen.STAFF_TICKETS) {
            return;
        }
        touched();
        tickets.submit(TicketSource.STAFF, () -> tickets.refresh(status.nowProperty().get().toInstant(), true));
    }

    /** Back from the staff ticket screen to the staff screen. */
    public void backToStaff() {
        if (screens.current() == Screen.STAFF_TICKETS || screens.current() == Screen.STAFF_REENROLL) {
            tickets.clear();
            screens.show(Screen.STAFF);
            refreshStaff();
        }
    }

    // ---- general -----------------------------------------------------------------------------

    /**
     * The visit log was found damaged, at start (set aside, a fresh log records from now on) or
     * by a check-in while running (the kiosk restarts and sets it aside, decision 0260): shows the
     * "terminal damaged — call the district" screen, and a banner on the idle screen until the
     * kiosk restarts. UI thread.
     */
    public void terminalDamaged() {
        status.markTerminalDamaged();
        screens.show(Screen.DAMAGED);
    }

    /** Back to the idle screen from any screen (back, cancel, done buttons). */
    public void backToIdle() {
        screens.goIdle();
    }

    /** Switches between Chinese and English. */
    public void toggleLanguage() {
        status.toggleLanguage();
        touched();
    }

    /**
     * Switches large text on or off for the screens workers see (idle, welcome, guest, rejected);
     * it stays as set until switched again or the kiosk restarts (decision 0141).
     */
    public void toggleLargeText() {
        status.toggleLargeText();
        touched();
    }

    /**
     * The scanner's state changed.
     *
     * @param status the new state
     */
    public void scannerStatus(ScannerStatus status) {
        this.status.scannerStatus(status);
    }

    /** Any touch on the screen: wakes the backlight, restarts the current screen's timeout. */
    public void touched() {
        peripherals.userActivity();
        screens.restartTimeout();
    }

    // ---- loans (issue 12) ---------------------------------------------------------------------

    /**
     * Gives this kiosk its loan desk (before {@link #start()}; without one the loan buttons stay hidden).
     *
     * @param desk lends and takes back (blocking)
     */
    public void attachLoans(org.warmstation.kiosk.domain.LoanDesk desk) {
        this.loans = new LoanViewModel(Objects.requireNonNull(desk, "desk"), executor);
    }

    /** @return the loan screens' state: loans out, overdue, the last outcome */
    public LoanViewModel loans() {
        return loans;
    }

    /**
     * Staff open the loans screen from a staff screen (its button sits on the tickets screen: the
     * staff screen has no room left on the 1024x600 panel).
     */
    public void openStaffLoans() {
        if ((screens.current() == Screen.STAFF || screens.current() == Screen.STAFF_TICKETS) && loans.available()) {
            loans.clear();
            loans.nowProperty().set(status.nowProperty().get().toInstant());
            screens.show(Screen.STAFF_LOANS);
            loans.refresh();
        }
    }

    /** The member on the welcome screen (a card check-in) opens the borrow/return screen. */
    public void openMemberLoans() {
        Visit v = visits.visitProperty().get();
        if (loans.available() && v != null && !v.guest() && screens.current() == Screen.WELCOME) {
            loans.clear();
            loans.member(v.member().hex());
            loans.nowProperty().set(status.nowProperty().get().toInstant());
            screens.show(Screen.MEMBER_LOANS);
            loans.refresh();
        }
    }

    /** @param item lent to the member on screen, or (staff screen) to a guest where guests may borrow */
    public void lend(org.warmstation.protocol.loan.LoanItem item) {
        if (screens.current() == Screen.MEMBER_LOANS || screens.current() == Screen.STAFF_LOANS) {
            touched();
            loans.lend(item);
        }
    }

    /** @param item handed back by the member on screen (lent here or at another station) */
    public void returnItem(org.warmstation.protocol.loan.LoanItem item) {
        if (screens.current() == Screen.MEMBER_LOANS) {
            touched();
            loans.returnByMember(item);
        }
    }

    /** @param loanId a loan of the staff list comes back */
    public void returnLoan(java.util.UUID loanId) {
        if (screens.current() == Screen.STAFF_LOANS) {
            touched();
            loans.returnLoan(loanId);
        }
    }

    /** Leaves a loan screen: back to the staff screen, or (member) to the idle screen. */
    public void closeLoans() {
        if (screens.current() == Screen.STAFF_LOANS) {
            loans.clear();
            screens.show(Screen.STAFF);
            refreshStaff();
        } else if (screens.current() == Screen.MEMBER_LOANS) {
            backToIdle();
        }
    }

    private void tick() {
        status.tick();
        opening.update(status.nowProperty().get().toLocalDateTime());
        staff.tick();
        loans.nowProperty().set(status.nowProperty().get().toInstant());
        if (screens.current() == Screen.STAFF || screens.current() == Screen.STAFF_TICKETS) {
            tickets.refresh(status.nowProperty().get().toInstant(), false);
        }
    }
}
