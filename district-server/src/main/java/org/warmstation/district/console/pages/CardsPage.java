package org.warmstation.district.console.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.cards.CardRevocations;
import org.warmstation.district.cards.RevocationReason;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsoleException;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.Params;
import org.warmstation.district.console.RouteTable;
import org.warmstation.district.console.auth.ConsoleUser;

/**
 * Admin only: {@code GET /cards} shows the deny list (version, revoked cards with reason, who and
 * when) and a form; {@code POST /cards/revoke} (serial, reason) revokes a card: deny-list version
 * N+1 is queued for every station of the district ({@link CardRevocations}), which the server
 * signs and delivers, to offline stations when they reconnect. An unknown serial, a bad reason or
 * a card revoked before is refused with a message (400, 409).
 */
public final class CardsPage implements ConsolePage {
    private static final Logger LOG = LoggerFactory.getLogger(CardsPage.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern SERIAL = Pattern.compile("[0-9]{1,10}");

    private final ConsoleServices services;

    /**
     * One revoked card, formatted for the template.
     *
     * @param serial  card serial
     * @param reason  the reason's label ({@code lost}, {@code stolen}, {@code left-union})
     * @param at      when (console's local time)
     * @param by      who
     * @param version the deny-list version that first carried it
     */
    public record Row(long serial, String reason, String at, String by, long version) {
    }

    /** @param services what the page needs */
    public CardsPage(ConsoleServices services) {
        this.services = Objects.requireNonNull(services, "services");
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/cards", Access.ADMIN, this::page);
        routes.post("/cards/revoke", Access.ADMIN, this::revoke);
    }

    private CardRevocations cards() {
        return new CardRevocations(services.database(), services.settings().district());
    }

    private void page(Context ctx) throws Exception {
        ZoneId zone = services.clock().getZone();
        CardRevocations cards = cards();
        List<Row> rows = cards.revoked().stream().map(r -> new Row(r.serial(), r.reason().label(),
                TIME.format(r.revokedAt().atZone(zone)), r.revokedBy(), r.listVersion())).toList();
        String revoked = Params.optional(ctx, "revoked").filter(v -> SERIAL.matcher(v).matches()).orElse("");
        services.renderer().render(ctx, "cards", Map.of("nav", "cards", "rows", rows, "version", cards.currentVersion(),
                "revoked", revoked, "reasons", List.of(RevocationReason.values()).stream().map(RevocationReason::label).toList()));
    }

    private void revoke(Context ctx) throws Exception {
        String serialText = Params.optional(ctx, "serial").orElse("");
        if (!SERIAL.matcher(serialText).matches()) {
            throw ConsoleException.badRequest("error.cardSerial", serialText.length() > 20 ? serialText.substring(0, 20) : serialText);
        }
        long serial = Long.parseLong(serialText);
        RevocationReason reason;
        try {
            reason = RevocationReason.parse(Params.optional(ctx, "reason").orElse(""));
        } catch (IllegalArgumentException e) {
            throw ConsoleException.badRequest("error.cardReason");
        }
        ConsoleUser user = services.renderer().user(ctx).orElseThrow(() -> new ConsoleException(401, "error.unauthorized"));
        Instant now = services.clock().instant();
        CardRevocations.Result result;
        try {
            result = cards().revoke(serial, reason, user.name(), now);
        } catch (CardRevocations.Refused e) {
            throw switch (e.kind()) {
                case OUT_OF_RANGE -> ConsoleException.badRequest("error.cardSerial", serialText);
                case UNKNOWN -> ConsoleException.badRequest("error.cardUnknown", serialText);
                case ALREADY_REVOKED -> new ConsoleException(409, "error.cardAlreadyRevoked", serialText);
            };
        }
        LOG.info("card {} revoked ({}) by {}: deny-list version {} for {} stations", serial, reason.label(), user.name(),
                result.version(), result.stations());
        ctx.redirect("/cards?revoked=" + serial, HttpStatus.SEE_OTHER);
    }
}
