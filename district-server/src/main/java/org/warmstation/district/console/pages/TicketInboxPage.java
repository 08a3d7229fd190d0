package org.warmstation.district.console.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsoleException;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.Params;
import org.warmstation.district.console.RouteTable;
import org.warmstation.district.console.auth.ConsoleUser;
import org.warmstation.district.ticket.TicketDownlinks;
import org.warmstation.district.ticket.TicketRow;
import org.warmstation.district.ticket.TicketStore;
import org.warmstation.protocol.ticket.TicketStatus;

/**
 * The ticket inbox at {@code /tickets}: the faults and wishes the stations reported, newest first
 * ({@code ?show=open}, the default, hides resolved ones; {@code ?show=all} lists them too). Analysts
 * view; admins move a ticket forward with {@code POST /tickets/{id}/acknowledge} or
 * {@code /resolve} (who and when are recorded), after which the station gets its new ticket list
 * as a signed {@code TICKETS} downlink through {@link TicketDownlinks}.
 */
public final class TicketInboxPage implements ConsolePage {
    private static final Logger LOG = LoggerFactory.getLogger(TicketInboxPage.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int MAX_ROWS = 500;
    private static final int MAX_ID = 36;

    private final ConsoleServices services;
    private final TicketStore store = new TicketStore();
    private final TicketDownlinks downlinks;

    /**
     * One inbox row, formatted for the template.
     *
     * @param id       ticket id
     * @param station  station name (or id when the district has no profile of it)
     * @param stationId station id
     * @param problem  the problem's message key suffix (a {@code TicketProblem} name)
     * @param source   {@code STAFF}, {@code VISITOR} or {@code TERMINAL}
     * @param text     the staff's text, or empty
     * @param device   the failing device of a terminal ticket, or empty
     * @param opened   when opened (local time of the console)
     * @param status   {@code NEW}, {@code ACKNOWLEDGED} or {@code RESOLVED}
     * @param ackBy    who acknowledged it, or empty
     * @param ackAt    when, or empty
     * @param resBy    who resolved it, or empty
     * @param resAt    when, or empty
     */
    public record Row(String id, String station, String stationId, String problem, String source, String text,
                      String device, String opened, String status, String ackBy, String ackAt, String resBy,
                      String resAt) {
    }

    /**
     * @param services  what the page needs
     * @param downlinks tells a station where its tickets stand after each change
     */
    public TicketInboxPage(ConsoleServices services, TicketDownlinks downlinks) {
        this.services = Objects.requireNonNull(services, "services");
        this.downlinks = Objects.requireNonNull(downlinks, "downlinks");
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/tickets", Access.ANALYST, this::inbox);
        routes.post("/tickets/{id}/acknowledge", Access.ADMIN, ctx -> move(ctx, TicketStatus.ACKNOWLEDGED));
        routes.post("/tickets/{id}/resolve", Access.ADMIN, ctx -> move(ctx, TicketStatus.RESOLVED));
    }

    private void inbox(Context ctx) throws Exception {
        boolean open = Params.choice(ctx, "show", Set.of("open", "all")).orElse("open").equals("open");
        ZoneId zone = services.clock().getZone();
        List<TicketRow> tickets;
        try (Connection c = services.database().connection()) {
            tickets = store.inbox(c, services.settings().district(), open, MAX_ROWS);
        }
        List<Row> rows = tickets.stream().map(t -> row(t, zone)).toList();
        String changed = Params.optional(ctx, "changed").filter(v -> v.length() <= MAX_ID).orElse("");
        services.renderer().render(ctx, "tickets", Map.of("nav", "tickets", "rows", rows,
                "show", open ? "open" : "all", "changed", changed));
    }

    /**
     * @param t    a ticket
     * @param zone the console's zone for its times
     * @return the ticket formatted as an inbox row (also the rows of a station page's ticket list)
     */
    static Row row(TicketRow t, ZoneId zone) {
        return new Row(t.id().toString(), t.stationName() == null ? t.station() : t.stationName(), t.station(),
                t.problem(), t.source(), t.text() == null ? "" : t.text(), t.device() == null ? "" : t.device(),
                time(t.openedAt(), zone), t.status().name(), nz(t.acknowledgedBy()), time(t.acknowledgedAt(), zone),
                nz(t.resolvedBy()), time(t.resolvedAt(), zone));
    }

    private void move(Context ctx, TicketStatus to) throws Exception {
        UUID id = ticketId(ctx.pathParam("id"));
        ConsoleUser user = services.renderer().user(ctx).orElseThrow(() -> new ConsoleException(401, "error.unauthorized"));
        int district = services.settings().district();
        try (Connection c = services.database().connection()) {
            c.setAutoCommit(false);
            try {
                switch (store.move(c, district, id, to, user.name(), services.clock().instant())) {
                    case UNKNOWN -> throw ConsoleException.notFound("error.ticketUnknown", id.toString());
                    case NOT_FORWARD -> throw new ConsoleException(409, "error.ticketNotForward", id.toString());
                    case MOVED -> downlinks.send(c, store.find(c, district, id).orElseThrow().station(), user.name());
                }
                c.commit();
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
        LOG.info("ticket {} {} by {}", id, to, user.name());
        ctx.redirect("/tickets?changed=" + id, HttpStatus.SEE_OTHER);
    }

    private static UUID ticketId(String text) {
        if (text.length() != MAX_ID) {
            throw ConsoleException.notFound("error.ticketUnknown", text.length() > 40 ? text.substring(0, 40) : text);
        }
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw ConsoleException.notFound("error.ticketUnknown", text);
        }
    }

    private static String time(Instant t, ZoneId zone) {
        return t == null ? "" : TIME.format(t.atZone(zone));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
