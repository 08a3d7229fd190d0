package org.warmstation.visitlog.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.warmstation.protocol.ticket.TicketProblem;
import org.warmstation.protocol.ticket.TicketSource;
import org.warmstation.protocol.ticket.TicketStatus;
import org.warmstation.protocol.ticket.TicketText;
import org.warmstation.protocol.wire.WireTicket;

/**
 * A fault or wish ticket this station opened, with where it stands at the district.
 *
 * @param id       UUIDv7
 * @param openedAt when it was opened (station clock)
 * @param problem  what is wrong
 * @param source   who opened it
 * @param text     the staff's short text ({@link TicketText} rules), or null
 * @param device   the failing peripheral role name of a {@link TicketSource#TERMINAL} ticket, or null
 * @param status   where it stands as the district last said; {@link TicketStatus#NEW} until then
 * @param statusAt when the district last changed it, or null
 * @param statusBy who at the district, or null
 */
public record Ticket(UUID id, Instant openedAt, TicketProblem problem, TicketSource source, String text,
                     String device, TicketStatus status, Instant statusAt, String statusBy) {
    /** @throws IllegalArgumentException when the text breaks the rules or source and device disagree */
    public Ticket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(status, "status");
        text = TicketText.normalize(text);
        toWire(id, openedAt, problem, source, text, device); // the wire rules: visitor no text, device iff TERMINAL
    }

    /**
     * A ticket just opened.
     *
     * @param id       UUIDv7
     * @param openedAt now (station clock)
     * @param problem  what is wrong
     * @param source   who opens it
     * @param text     the staff's text, or null
     * @param device   the failing device of a terminal ticket, or null
     * @return the ticket, {@link TicketStatus#NEW}
     * @throws IllegalArgumentException as the constructor
     */
    public static Ticket opened(UUID id, Instant openedAt, TicketProblem problem, TicketSource source, String text,
                                String device) {
        return new Ticket(id, openedAt, problem, source, text, device, TicketStatus.NEW, null, null);
    }

    /** @return the body of its TICKET record */
    public WireTicket toWire() {
        return toWire(id, openedAt, problem, source, text, device);
    }

    private static WireTicket toWire(UUID id, Instant openedAt, TicketProblem problem, TicketSource source,
                                     String text, String device) {
        return new WireTicket(id, openedAt, problem.name(), source.name(), text, device);
    }
}
