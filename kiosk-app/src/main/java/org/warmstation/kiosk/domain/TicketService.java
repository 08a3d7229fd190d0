package org.warmstation.kiosk.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.warmstation.protocol.ticket.TicketProblem;
import org.warmstation.protocol.ticket.TicketSource;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.protocol.ticket.TicketText;
import org.warmstation.visitlog.domain.StationClock;
import org.warmstation.visitlog.domain.Ticket;
import org.warmstation.visitlog.domain.TicketStore;
import org.warmstation.visitlog.domain.UuidV7;

/**
 * Opens fault and wish tickets at the station: checks the staff's text ({@link TicketText}),
 * stamps the ticket with a UUIDv7 and the station clock, and stores it with its outbox record, so
 * it reaches the district once whenever the station is online. Lists the station's tickets with
 * their status at the district for the staff screen.
 *
 * <p>Thread-safe; every method blocks on storage, never call on the UI thread.
 */
public final class TicketService {
    private final TicketStore store;
    private final StationClock clock;
    private final UuidV7 ids = new UuidV7();

    /** What {@link #open} came to. */
    public sealed interface Outcome {
        /**
         * The ticket is stored and queued for the district.
         *
         * @param ticket the ticket
         */
        record Opened(Ticket ticket) implements Outcome { }

        /**
         * The text was refused; nothing stored.
         *
         * @param reason why
         */
        record Refused(TicketText.Refusal reason) implements Outcome { }

        /**
         * A visitor reported a problem that visitors have already reported and the district has
         * not resolved yet: nothing new is stored, so repeated taps do not flood the district's
         * inbox.
         *
         * @param ticket the open ticket that already says so
         */
        record AlreadyReported(Ticket ticket) implements Outcome { }
    }

    /**
     * @param store where tickets are kept (and queued for the district)
     * @param clock the station clock
     */
    public TicketService(TicketStore store, StationClock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Opens a ticket by staff or a visitor.
     *
     * @param problem what is wrong
     * @param source  {@link TicketSource#STAFF} or {@link TicketSource#VISITOR}
     * @param text    the staff's text, or null/blank for none; always null for a visitor
     * <p>A visitor's report of a problem that an unresolved visitor ticket already names stores
     * nothing and answers {@link Outcome.AlreadyReported}.
     *
     * @return the ticket, the open ticket a visitor's report repeats, or why the text was refused
     * @throws IllegalArgumentException when a visitor's ticket has text or the source is TERMINAL
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when it cannot be stored
     */
    public Outcome open(TicketProblem problem, TicketSource source, String text) {
        if (source == TicketSource.TERMINAL) {
            throw new IllegalArgumentException("terminal tickets are opened by the fault watch, with their device");
        }
        Optional<TicketText.Refusal> refusal = TicketText.check(text);
        if (refusal.isPresent()) {
            return new Outcome.Refused(refusal.get());
        }
        if (source == TicketSource.VISITOR) {
            if (TicketText.normalize(text) != null) {
                throw new IllegalArgumentException("a visitor's ticket carries no text");
            }
            Optional<Ticket> open = store.recent().stream()
                    .filter(t -> t.source() == TicketSource.VISITOR && t.problem() == problem
                            && t.status() != TicketStatus.RESOLVED)
                    .findFirst();
            if (open.isPresent()) {
                return new Outcome.AlreadyReported(open.get());
            }
        }
        return new Outcome.Opened(store.open(Ticket.opened(ids.next(clock.now()), clock.now(), problem, source,
                text, null)));
    }

    /**
     * Opens a ticket for a peripheral fault the terminal detected.
     *
     * @param device the failing device, e.g. {@code BUZZER} or {@code CAMERA}
     * @return the ticket
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when it cannot be stored
     */
    public Ticket openFault(String device) {
        return openFault(device, null);
    }

    /**
     * Opens a ticket for a fault the terminal detected, with a short text for the district.
     *
     * @param device the failing device, e.g. {@code VISIT_LOG}
     * @param text   what happened, at most {@code TicketText.MAX_CHARS} characters, or null
     * @return the ticket
     * @throws IllegalArgumentException when the text breaks the ticket text rules
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when it cannot be stored
     */
    public Ticket openFault(String device, String text) {
        return store.open(Ticket.opened(ids.next(clock.now()), clock.now(), TicketProblem.TERMINAL_PROBLEM,
                TicketSource.TERMINAL, text, device));
    }

    /**
     * @return the station's tickets, not resolved first, newest first
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when storage fails
     */
    public List<Ticket> recent() {
        return store.recent();
    }
}
