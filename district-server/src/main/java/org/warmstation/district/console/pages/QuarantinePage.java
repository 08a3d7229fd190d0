package org.warmstation.district.console.pages;

import io.javalin.http.Context;
import java.sql.Connection;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.RouteTable;
import org.warmstation.district.db.EpochStore;
import org.warmstation.district.db.VisitQuarantine;

/**
 * Analysts: {@code GET /quarantine} lists the visits the district could not store and set aside
 * (decision 0193), newest first, at most {@link #LIMIT}: station, visit-log epoch, seq, when and
 * the reason; the same query as {@code district-server quarantine}. Read-only. No member or card
 * id is shown to anyone (decision 0230): the query does not read the stored payload, and the
 * reason is shown {@link #redacted}: the database's detail lines (which quote the failing row)
 * are dropped and id-like values masked. The full reason stays with {@code district-server quarantine}.
 */
public final class QuarantinePage implements ConsolePage {
    /** Rows shown at most. */
    public static final int LIMIT = 200;
    private static final Pattern MEMBER_HEX = Pattern.compile("(?i)\\b[0-9a-f]{16}\\b");
    private static final Pattern NUMBER = Pattern.compile("\\d{4,}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ConsoleServices services;

    /**
     * One quarantined visit, formatted for the template.
     *
     * @param station the station
     * @param epoch   the visit-log epoch, or empty for a log without one
     * @param seq     the seq, or {@code ?} when unreadable
     * @param at      when it was set aside (console's local time)
     * @param reason  why, as the receiver worded it
     */
    public record Row(String station, String epoch, String seq, String at, String reason) {
    }

    /** @param services what the page needs */
    public QuarantinePage(ConsoleServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/quarantine", Access.ANALYST, this::page);
    }

    private void page(Context ctx) throws Exception {
        ZoneId zone = services.clock().getZone();
        int district = services.settings().district();
        VisitQuarantine quarantine = new VisitQuarantine();
        List<VisitQuarantine.Row> found;
        long total;
        try (Connection c = services.database().connection()) {
            found = quarantine.list(c, district, LIMIT);
            total = quarantine.count(c, district);
        }
        List<Row> rows = found.stream().map(r -> new Row(r.station(),
                EpochStore.NONE.equals(r.epoch()) ? "" : r.epoch().toString(),
                r.seq() == null ? "?" : r.seq().toString(), TIME.format(r.quarantinedAt().atZone(zone)),
                redacted(r.reason()))).toList();
        services.renderer().render(ctx, "quarantine", Map.of("nav", "quarantine", "rows", rows, "total", total,
                "limit", LIMIT));
    }

    /**
     * A reason fit for the page: its first line only (PostgreSQL puts {@code Detail: Failing row
     * contains (...)} and {@code Key (...)=(...)} on the next lines), with 16-hex-digit runs (member
     * ids) and numbers of 4 or more digits (card serials) masked as {@code …}.
     *
     * @param reason a quarantine reason as stored
     * @return the reason without member or card ids
     */
    static String redacted(String reason) {
        int nl = reason.indexOf('\n');
        String first = nl < 0 ? reason : reason.substring(0, nl);
        return NUMBER.matcher(MEMBER_HEX.matcher(first.strip()).replaceAll("…")).replaceAll("…");
    }
}
