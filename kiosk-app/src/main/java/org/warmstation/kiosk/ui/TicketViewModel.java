package org.warmstation.kiosk.ui;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.kiosk.domain.TicketService;
import org.warmstation.protocol.ticket.TicketProblem;
import org.warmstation.protocol.ticket.TicketSource;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.protocol.ticket.TicketText;
import org.warmstation.visitlog.domain.Ticket;

/**
 * State of the ticket screens: the problem chosen, the staff's text and why it is refused, sending,
 * the ticket just opened, and the station's tickets with their status at the district (refreshed
 * while a staff screen is up). Used by {@link KioskViewModel}; all methods on the UI thread,
 * storage work through the {@link TaskExecutor}.
 */
public final class TicketViewModel {
    /** How often the staff screens re-read the tickets (the district's statuses arrive meanwhile). */
    static final Duration REFRESH_EVERY = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(TicketViewModel.class);

    private final TicketService service;
    private final TaskExecutor executor;
    private final ObjectProperty<TicketProblem> problem = new SimpleObjectProperty<>();
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper sending = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Ticket> opened = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Ticket> tickets = FXCollections.observableArrayList();
    private final ObservableList<Ticket> readOnlyTickets = FXCollections.unmodifiableObservableList(tickets);
    private final ReadOnlyBooleanWrapper loadFailed = new ReadOnlyBooleanWrapper(false);
    private Instant lastLoad = Instant.MIN;
    private boolean loading;

    /**
     * @param service  opens and lists tickets (blocking), or null on a terminal without them
     * @param executor runs the storage work
     */
    TicketViewModel(TicketService service, TaskExecutor executor) {
        this.service = service;
        this.executor = executor;
        text.addListener((o, a, b) -> {
            if (!error.get().equals("ticket.failed")) {
                error.set(textError(b).orElse(""));
            }
        });
        problem.addListener((o, a, b) -> {
            if (error.get().equals("ticket.noProblem") || error.get().equals("ticket.failed")) {
                error.set("");
            }
        });
    }

    /** @return whether this terminal can open tickets (the screens hide the buttons otherwise) */
    public boolean available() {
        return service != null;
    }

    /** @return the problem chosen, null before one is */
    public ObjectProperty<TicketProblem> problemProperty() {
        return problem;
    }

    /** @return the staff's short text (staff ticket screen only), "" for none */
    public StringProperty textProperty() {
        return text;
    }

    /**
     * @return message key of why the ticket cannot be sent ({@code ticket.tooLong},
     *         {@code ticket.controlCharacter}, {@code ticket.noProblem}, {@code ticket.failed}); "" when fine
     */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return whether a ticket is being stored */
    public ReadOnlyBooleanProperty sendingProperty() {
        return sending.getReadOnlyProperty();
    }

    /** @return the ticket just opened (the thank-you line), null before */
    public ReadOnlyObjectProperty<Ticket> openedProperty() {
        return opened.getReadOnlyProperty();
    }

    /** @return the station's tickets, not resolved first, newest first (read-only) */
    public ObservableList<Ticket> tickets() {
        return readOnlyTickets;
    }

    /** @return how many of them are not resolved */
    public long openCount() {
        return tickets.stream().filter(t -> t.status() != TicketStatus.RESOLVED).count();
    }

    /** @return whether the last reading of the tickets failed */
    public ReadOnlyBooleanProperty loadFailedProperty() {
        return loadFailed.getReadOnlyProperty();
    }

    /**
     * Stores a ticket of the chosen problem in the background; refused with a message key in
     * {@link #errorProperty()} when no problem is chosen or the text breaks the rules.
     *
     * @param source   {@link TicketSource#STAFF} (with the text) or {@link TicketSource#VISITOR} (no text)
     * @param whenDone run on the UI thread once it is stored
     */
    void submit(TicketSource source, Runnable whenDone) {
        if (service == null || sending.get()) {
            return;
        }
        TicketProblem p = problem.get();
        if (p == null) {
            error.set("ticket.noProblem");
            return;
        }
        String t = source == TicketSource.STAFF ? text.get() : null;
        Optional<String> refused = textError(t);
        if (refused.isPresent()) {
            error.set(refused.get());
            return;
        }
        sending.set(true);
        executor.execute(() -> service.open(p, source, t), outcome -> {
            sending.set(false);
            switch (outcome) {
                case TicketService.Outcome.Opened o -> {
                    opened.set(o.ticket());
                    problem.set(null);
                    text.set("");
                    error.set("");
                    lastLoad = Instant.MIN;
                    whenDone.run();
                }
                case TicketService.Outcome.AlreadyReported a -> {
                    opened.set(a.ticket()); // the same thank-you: the district already has it
                    problem.set(null);
                    error.set("");
                    whenDone.run();
                }
                case TicketService.Outcome.Refused r -> error.set(key(r.reason()));
            }
        }, e -> {
            LOG.error("could not open a {} ticket", p, e);
            sending.set(false);
            error.set("ticket.failed");
        });
    }

    /** Forgets the choice, the text, the message and the ticket just opened (leaving the screen). */
    void clear() {
        problem.set(null);
        error.set("");
        text.set("");
        opened.set(null);
    }

    /**
     * Re-reads the tickets in the background when {@link #REFRESH_EVERY} has passed since the
     * last reading (or always when {@code force}).
     *
     * @param now   the clock now
     * @param force read even if the last reading is fresh
     */
    void refresh(Instant now, boolean force) {
        if (service == null || loading || (!force && now.isBefore(lastLoad.plus(REFRESH_EVERY)))) {
            return;
        }
        loading = true;
        lastLoad = now;
        executor.execute(service::recent, (List<Ticket> list) -> {
            loading = false;
            loadFailed.set(false);
            tickets.setAll(list);
        }, e -> {
            LOG.error("could not read the tickets", e);
            loading = false;
            loadFailed.set(true);
        });
    }

    private static Optional<String> textError(String t) {
        return TicketText.check(t).map(TicketViewModel::key);
    }

    private static String key(TicketText.Refusal r) {
        return switch (r) {
            case TOO_LONG -> "ticket.tooLong";
            case CONTROL_CHARACTER -> "ticket.controlCharacter";
        };
    }
}
