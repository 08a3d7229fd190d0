package org.warmstation.protocol.wire;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.warmstation.protocol.ticket.TicketSource;
import org.warmstation.protocol.ticket.TicketText;

/**
 * The body of a {@code TICKET} record of the typed outbox: a fault or wish a station reports
 * (schema {@code docs/schemas/ticket.schema.json}). The record's own uuid is the ticket's id.
 *
 * @param id       the ticket id (UUIDv7, made at the station)
 * @param openedAt when it was opened (UTC, station clock)
 * @param problem  a {@code TicketProblem} name; unknown upper-case names are kept, so a newer
 *                 station never blocks an older district
 * @param source   a {@link TicketSource} name: {@code STAFF}, {@code VISITOR} or {@code TERMINAL}
 * @param text     the staff's short text, at most {@value TicketText#MAX_CHARS} characters without
 *                 control characters; null for none (always null for a visitor)
 * @param device   for a {@code TERMINAL} ticket, the failing peripheral role name (e.g.
 *                 {@code BUZZER}, {@code CAMERA}); otherwise null
 */
public record WireTicket(UUID id, Instant openedAt, String problem, String source, String text, String device)
        implements RecordBody {
    /** @throws IllegalArgumentException naming the first invalid field */
    public WireTicket {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(openedAt, "openedAt");
        Check.enumName("problem", problem);
        Objects.requireNonNull(source, "source");
        TicketSource kind;
        try {
            kind = TicketSource.valueOf(source);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("source must be STAFF, VISITOR or TERMINAL: '" + Check.abbreviate(source) + "'");
        }
        text = TicketText.normalize(text);
        if (kind == TicketSource.VISITOR && text != null) {
            throw new IllegalArgumentException("a visitor's ticket carries no text");
        }
        if ((kind == TicketSource.TERMINAL) != (device != null)) {
            throw new IllegalArgumentException("a TERMINAL ticket names its device, others none");
        }
        if (device != null) {
            Check.enumName("device", device);
        }
    }

    @Override
    public RecordKind kind() {
        return RecordKind.TICKET;
    }
}
