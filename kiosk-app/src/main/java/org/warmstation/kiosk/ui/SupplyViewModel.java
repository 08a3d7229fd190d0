package org.warmstation.kiosk.ui;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.protocol.rating.RatingAnswer;
import org.warmstation.protocol.rating.RatingReason;
import org.warmstation.protocol.wire.SupplyItem;
import org.warmstation.protocol.wire.SupplySettings;
import org.warmstation.visitlog.domain.Handout;
import org.warmstation.visitlog.domain.RatingStore;
import org.warmstation.visitlog.domain.StockLevel;
import org.warmstation.visitlog.domain.Visit;

/**
 * The supply and rating screens' state, part of {@link KioskViewModel} (issue 12): the handout
 * screen at the end of a check-in (one tap per unit, refusals explained), the one-tap rating shown
 * after a new visit's screen closes (gone after {@link ScreenFlow#RATING_SHOWN} or at the next
 * scan, never in anyone's way), and the staff's stock screen (delivery, count, low stock).
 *
 * <p>Threading: UI thread only; the {@link SupplyDesk} runs on the {@link TaskExecutor}.
 */
public final class SupplyViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(SupplyViewModel.class);
    private static final int MAX_DIGITS = 6;

    /**
     * A line for the screen: a message key of the kiosk bundle and its arguments.
     *
     * @param key  message key; its text gets the item's name as {0}, its unit as {1}, then the args
     * @param bad  whether it is a refusal or an error (shown in the alert colour)
     * @param item the item it is about, or null
     * @param args further arguments ({2}, {3} ...)
     */
    public record Note(String key, boolean bad, SupplyItem item, Object... args) {
        /**
         * @param m the messages of the screen's language
         * @return the text
         */
        public String text(Messages m) {
            Object[] all = new Object[args.length + 2];
            all[0] = SupplyViewModel.name(item, m);
            all[1] = item == null ? "" : (KioskViewModel.CHINESE.equals(m.locale()) ? item.unitZh() : " " + item.unitEn());
            System.arraycopy(args, 0, all, 2, args.length);
            return m.get(key, all);
        }
    }

    /**
     * @param item an item, or null
     * @param m    the messages of the screen's language
     * @return its name in that language ("?" for none)
     */
    static String name(SupplyItem item, Messages m) {
        return item == null ? "?" : KioskViewModel.CHINESE.equals(m.locale()) ? item.nameZh() : item.nameEn();
    }

    private final TaskExecutor executor;
    private final ScreenFlow screens;
    private final VisitOnScreen visits;
    private final Runnable toStaff;
    private SupplyDesk desk;
    private final ObservableList<StockLevel> levels = FXCollections.observableArrayList();
    private final ObjectProperty<Note> note = new SimpleObjectProperty<>();
    private final ObjectProperty<RatingAnswer> answer = new SimpleObjectProperty<>();
    private final ObservableSet<RatingReason> reasons = FXCollections.observableSet(EnumSet.noneOf(RatingReason.class));
    private final ObjectProperty<String> item = new SimpleObjectProperty<>();
    private final ObjectProperty<String> entry = new SimpleObjectProperty<>("");
    private UUID pendingRating;
    private UUID ratingVisit;

    SupplyViewModel(TaskExecutor executor, ScreenFlow screens, VisitOnScreen visits, Runnable toStaff) {
        this.executor = executor;
        this.screens = screens;
        this.visits = visits;
        this.toStaff = toStaff;
        screens.screenProperty().addListener((o, was, now) -> {
            if (now == Screen.WELCOME && visits.current() != null) {
                pendingRating = visits.current().id(); // a new visit: it may be rated when its screen closes
            } else if (now == Screen.IDLE || now == Screen.REJECTED || now == Screen.FAILED || now == Screen.GUEST) {
                pendingRating = null;
            }
        });
    }

    /** @param desk the station's supplies and ratings, or null for none (no buttons, no rating) */
    public void use(SupplyDesk desk) {
        this.desk = desk;
    }

    /** @return whether the terminal has supplies and ratings */
    public boolean available() {
        return desk != null;
    }

    /** @return the settings in use, {@link SupplySettings#DEFAULT} without a desk */
    public SupplySettings settings() {
        return desk == null ? SupplySettings.DEFAULT : desk.settings();
    }

    /** @return the stock levels last read */
    public ObservableList<StockLevel> levels() {
        return levels;
    }

    /** @return the last outcome to show, or null */
    public ReadOnlyObjectProperty<Note> noteProperty() {
        return note;
    }

    /** @return the answer stored for the visit being rated, or null */
    public ReadOnlyObjectProperty<RatingAnswer> answerProperty() {
        return answer;
    }

    /** @return the reason chips chosen */
    public ObservableSet<RatingReason> reasons() {
        return reasons;
    }

    /** @return the item chosen on the staff stock screen, or null */
    public ReadOnlyObjectProperty<String> itemProperty() {
        return item;
    }

    /** @return the number typed on the staff stock screen ("" for none, may start with "-") */
    public ReadOnlyObjectProperty<String> entryProperty() {
        return entry;
    }

    /** @return the visit the rating screen rates, or null */
    public UUID ratingVisit() {
        return ratingVisit;
    }

    /** @return how many items are below their low-stock threshold, of the levels last read */
    public long lowCount() {
        return levels.stream().filter(StockLevel::low).count();
    }

    /** @return the screen to rest on when a screen closes: the rating after a new visit, else idle */
    Screen resting() {
        Screen now = screens.current();
        if (desk != null && pendingRating != null && (now == Screen.WELCOME || now == Screen.HANDOUT)
                && desk.settings().ratingsEnabled()) {
            ratingVisit = pendingRating;
            pendingRating = null;
            answer.set(null);
            reasons.clear();
            note.set(null);
            return Screen.RATING;
        }
        return Screen.IDLE;
    }

    /** Re-reads the stock (staff screen, handout screen). */
    public void refresh() {
        if (desk == null) {
            return;
        }
        SupplyDesk d = desk;
        executor.execute(d::stock, levels::setAll, e -> LOG.error("could not read the supply stock", e));
    }

    // ---- handouts ----------------------------------------------------------------------------

    /** Opens the handout screen for the visit just recorded (the welcome screen). */
    public void openHandout() {
        Screen s = screens.current();
        if (desk == null || visits.current() == null || s != Screen.WELCOME) {
            return;
        }
        note.set(null);
        refresh();
        screens.show(Screen.HANDOUT);
    }

    /**
     * Hands one unit of an item out to the visit on screen; the outcome (or the reason it was
     * refused) goes to {@link #noteProperty()}.
     *
     * @param code the item tapped
     */
    public void handOut(String code) {
        Visit v = visits.current();
        if (desk == null || v == null || screens.current() != Screen.HANDOUT) {
            return;
        }
        screens.restartTimeout();
        SupplyDesk d = desk;
        SupplyItem known = d.settings().item(code).orElse(null);
        executor.execute(() -> d.handOut(code, v), h -> {
            note.set(switch (h) {
                case Handout.Given g -> new Note("supply.given", false, known, g.movement().stockAfter());
                case Handout.Refused r -> switch (r.reason()) {
                    case LIMIT_REACHED -> new Note("supply.limit", true, known, r.given(), r.limit());
                    case OUT_OF_STOCK -> new Note("supply.empty", true, known);
                    case NOT_STOCKED -> new Note("supply.notStocked", true, null, code);
                    case UNKNOWN_VISIT -> new Note("supply.noVisit", true, null);
                };
            });
            refresh();
        }, e -> {
            LOG.error("handout of {} failed", code, e);
            note.set(new Note("supply.failed", true, null));
        });
    }

    // ---- ratings -----------------------------------------------------------------------------

    /**
     * The visitor tapped a face: stored at once for the visit being rated. Satisfied and neutral
     * close the rating; dissatisfied shows the reason chips.
     *
     * @param a the answer
     */
    public void rate(RatingAnswer a) {
        if (desk == null || ratingVisit == null || screens.current() != Screen.RATING) {
            return;
        }
        if (a != RatingAnswer.DISSATISFIED) {
            reasons.clear();
        }
        store(a, a == RatingAnswer.DISSATISFIED ? screens::restartTimeout : screens::goIdle);
    }

    /**
     * Toggles a reason chip of a dissatisfied rating and stores the rating again (a revision).
     *
     * @param r the reason
     */
    public void toggleReason(RatingReason r) {
        if (answer.get() != RatingAnswer.DISSATISFIED || screens.current() != Screen.RATING) {
            return;
        }
        if (!reasons.remove(r)) {
            reasons.add(r);
        }
        store(RatingAnswer.DISSATISFIED, screens::restartTimeout);
    }

    private void store(RatingAnswer a, Runnable then) {
        SupplyDesk d = desk;
        UUID visit = ratingVisit;
        List<RatingReason> chosen = new ArrayList<>(reasons);
        executor.execute(() -> d.rate(visit, a, chosen), r -> {
            answer.set(a);
            then.run();
        }, e -> {
            LOG.warn("rating of visit {} refused or failed: {}", visit, e.getMessage());
            note.set(new Note(e instanceof RatingStore.NotLastVisitException ? "rating.notLast" : "rating.failed", true, null));
        });
    }

    /** The next scan arrived: the rating makes way (nothing stored that was not tapped). */
    void dismissRating() {
        if (screens.current() == Screen.RATING) {
            screens.goIdle();
        }
    }

    // ---- staff stock screen ------------------------------------------------------------------

    /** Staff open the stock screen from the staff screen. */
    public void openStaffSupplies() {
        if (desk == null || screens.current() != Screen.STAFF) {
            return;
        }
        note.set(null);
        entry.set("");
        item.set(desk.settings().items().isEmpty() ? null : desk.settings().items().getFirst().code());
        refresh();
        screens.show(Screen.STAFF_SUPPLIES);
    }

    /** @param code the item to deliver or count */
    public void selectItem(String code) {
        item.set(Objects.requireNonNull(code, "code"));
        screens.restartTimeout();
    }

    /** @param digit 0–9 typed */
    public void digit(int digit) {
        if (digit < 0 || digit > 9) {
            throw new IllegalArgumentException("not a digit: " + digit);
        }
        String e = entry.get();
        if (e.replace("-", "").length() < MAX_DIGITS) {
            entry.set(e + digit);
        }
        screens.restartTimeout();
    }

    /** Removes the last digit typed. */
    public void backspace() {
        String e = entry.get();
        entry.set(e.isEmpty() ? e : e.substring(0, e.length() - 1));
        screens.restartTimeout();
    }

    /** Switches the number typed between positive and negative. */
    public void toggleSign() {
        String e = entry.get();
        entry.set(e.startsWith("-") ? e.substring(1) : "-" + e);
        screens.restartTimeout();
    }

    /** Books the number typed in as a delivery of the chosen item. */
    public void deliver() {
        staffMovement(true);
    }

    /** Sets the chosen item's stock to the number typed (a count). */
    public void correct() {
        staffMovement(false);
    }

    private void staffMovement(boolean delivery) {
        String code = item.get();
        String typed = entry.get();
        if (desk == null || code == null || screens.current() != Screen.STAFF_SUPPLIES) {
            return;
        }
        screens.restartTimeout();
        if (typed.isEmpty() || typed.equals("-")) {
            note.set(new Note("staffSupply.typeNumber", true, null));
            return;
        }
        int n = Integer.parseInt(typed);
        if (delivery ? n < 1 : n < 0) {
            note.set(new Note(delivery ? "staffSupply.deliveryPositive" : "staffSupply.countNegative", true, null));
            return;
        }
        SupplyDesk d = desk;
        SupplyItem known = d.settings().item(code).orElse(null);
        executor.execute(() -> delivery ? d.deliver(code, n) : d.correct(code, n), s -> {
            entry.set("");
            note.set(new Note(delivery ? "staffSupply.delivered" : "staffSupply.counted", false, known, n, s.stockAfter()));
            refresh();
        }, e -> {
            LOG.warn("{} of {} refused or failed: {}", delivery ? "delivery" : "count", code, e.getMessage());
            note.set(new Note("staffSupply.failed", true, null, String.valueOf(e.getMessage())));
        });
    }

    /** Back from the stock screen to the staff screen. */
    public void backToStaff() {
        if (screens.current() == Screen.STAFF_SUPPLIES) {
            toStaff.run();
        }
    }
}
