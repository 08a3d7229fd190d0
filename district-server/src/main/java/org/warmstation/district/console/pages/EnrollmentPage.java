package org.warmstation.district.console.pages;

import io.javalin.http.Context;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.RouteTable;
import org.warmstation.district.enroll.EnrollmentStore;

/**
 * Admin only: {@code GET /enrollment} shows the one-time enrollment codes registered per station
 * (decision 0181) with their state (used by which terminal when, expired, or still valid) and the
 * refused enrollment attempts, newest first (when, station, code, terminal, reason); the refusals
 * come from the same query as {@code district-server enrollment refusals}. {@code ?station=ID}
 * shows one station's codes and refusals only (a district has up to 1,300 stations). Read-only:
 * codes are registered with {@code district-server enrollment register}.
 */
public final class EnrollmentPage implements ConsolePage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ConsoleServices services;

    /**
     * One code, formatted for the template.
     *
     * @param station    the station
     * @param codeId     the code id
     * @param registered when it was registered
     * @param expires    end of its validity
     * @param state      {@code used}, {@code expired} or {@code valid}
     * @param terminal   the terminal that used it, or empty
     * @param usedAt     when it was used, or empty
     */
    public record CodeRow(String station, String codeId, String registered, String expires, String state,
                          String terminal, String usedAt) {
    }

    /**
     * One refused attempt, formatted for the template.
     *
     * @param at       when
     * @param station  the station the request named
     * @param codeId   the code presented
     * @param terminal the terminal that presented it
     * @param reason   the refusal's name ({@code UNKNOWN_CODE}, {@code ALREADY_USED}, ...)
     */
    public record RefusalRow(String at, String station, String codeId, String terminal, String reason) {
    }

    /** @param services what the page needs */
    public EnrollmentPage(ConsoleServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/enrollment", Access.ADMIN, this::page);
    }

    private void page(Context ctx) throws Exception {
        ZoneId zone = services.clock().getZone();
        Instant now = services.clock().instant();
        int district = services.settings().district();
        Optional<String> station = org.warmstation.district.console.Params.optional(ctx, "station");
        EnrollmentStore store = new EnrollmentStore();
        List<EnrollmentStore.Code> codes;
        List<EnrollmentStore.Refusal> refusals;
        try (Connection c = services.database().connection()) {
            codes = store.codes(c, district).stream()
                    .filter(k -> station.isEmpty() || k.station().equals(station.get())).toList();
            refusals = store.refusals(c, district, station);
        }
        List<CodeRow> codeRows = codes.stream().map(k -> new CodeRow(k.station(), k.codeId(),
                TIME.format(k.registeredAt().atZone(zone)), TIME.format(k.expiresAt().atZone(zone)),
                k.usedAt() != null ? "used" : k.expired(now) ? "expired" : "valid",
                k.terminalId() == null ? "" : k.terminalId(),
                k.usedAt() == null ? "" : TIME.format(k.usedAt().atZone(zone)))).toList();
        List<RefusalRow> refusalRows = refusals.reversed().stream().map(r -> new RefusalRow(
                TIME.format(r.at().atZone(zone)), r.station(), r.codeId(), r.terminalId(), r.reason().name())).toList();
        services.renderer().render(ctx, "enrollment", Map.of("nav", "enrollment", "codes", codeRows,
                "refusals", refusalRows, "station", station.orElse("")));
    }
}
