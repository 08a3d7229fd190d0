package org.warmstation.district.console.pages;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsoleException;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.RouteTable;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.district.settings.SettingsForm;
import org.warmstation.district.settings.SettingsService;
import org.warmstation.district.settings.SettingsStatus;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.SupplySettings;

/**
 * The station page's settings section ({@link #model}): the newest settings version, its state
 * (queued, sent, applied, refused with the station's reason, failed) and when; for admins the
 * form that sends new settings ({@code POST /stations/{id}/settings}, CSRF-checked): hours, services,
 * duplicate window, cold alert, notice, staff PIN, and issue 12's loans, supplies, ratings and voice
 * prompts; the form opens with the previous document's values, so fields left alone keep them. The
 * whole document is checked before anything is queued: an invalid hour, an unknown service, an
 * unknown supply item, a volume above 100 or a bad PIN
 * answers 400 with the form as entered and the reason ({@code GET /stations/{id}/settings} shows
 * the same form on its own page).
 */
public final class StationSettingsPage implements ConsolePage {
    private static final Logger LOG = LoggerFactory.getLogger(StationSettingsPage.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final ConsoleServices services;

    /**
     * The state line for the template.
     *
     * @param version  settings version
     * @param state    {@link SettingsStatus.State} name
     * @param issued   when issued (console zone)
     * @param by       who issued it
     * @param sent     when last published, or empty
     * @param answered when the station answered (station clock, console zone), or empty
     * @param message  the station's reason or detail, or empty
     * @param pinReset whether it reset the staff PIN
     */
    public record View(int version, String state, String issued, String by, String sent, String answered,
                       String message, boolean pinReset) {
    }

    /** @param services what the page needs */
    public StationSettingsPage(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/stations/{id}/settings", Access.ADMIN, this::page);
        routes.post("/stations/{id}/settings", Access.ADMIN, this::send);
    }

    private SettingsService service() {
        return new SettingsService(services.database(), services.settings().district(), services.clock());
    }

    /**
     * The settings section's variables for a station page.
     *
     * @param station the station
     * @return {@code settings} (a {@link View} or null), {@code settingsForm}, {@code settingsError}
     *         (empty), {@code serviceNames}, {@code supplyCodes}, {@code settingsSendable} (a real station, not a simulated one)
     * @throws SQLException when the database fails
     */
    public Map<String, Object> model(String station) throws SQLException {
        Optional<SettingsStatus> s = service().status(station);
        Map<String, Object> m = model(s, s.map(st -> SettingsForm.of(st.settings())).orElse(SettingsForm.blank()), "");
        m.put("settingsSendable", real(station));
        return m;
    }

    private Map<String, Object> model(Optional<SettingsStatus> s, SettingsForm form, String error) {
        ZoneId zone = services.clock().getZone();
        Map<String, Object> m = new HashMap<>();
        m.put("settings", s.map(st -> new View(st.version(), st.state().name(), time(st.issuedAt(), zone),
                st.issuedBy(), time(st.sentAt(), zone), time(st.ackedAt(), zone),
                st.message() == null ? "" : st.message(), st.pinReset())).orElse(null));
        m.put("settingsForm", form);
        m.put("settingsChosen", form.serviceList());
        m.put("settingsError", error);
        m.put("serviceNames", StationSettings.SERVICES);
        m.put("supplyCodes", supplyCodes(s.map(SettingsStatus::settings).orElse(null)));
        m.put("settingsSendable", true);
        return m;
    }

    /** @return the item codes the supplies field accepts with their Chinese names: the previous document's, then the defaults */
    private static String supplyCodes(StationSettings previous) {
        Map<String, String> codes = new java.util.LinkedHashMap<>();
        if (previous != null) {
            previous.supplySettings().ifPresent(p -> p.items().forEach(i -> codes.putIfAbsent(i.code(), i.nameZh())));
        }
        SupplySettings.DEFAULT.items().forEach(i -> codes.putIfAbsent(i.code(), i.nameZh()));
        return codes.entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String time(Instant t, ZoneId zone) {
        return t == null ? "" : TIME.format(t.atZone(zone));
    }

    private void page(Context ctx) throws Exception {
        String id = station(ctx);
        Map<String, Object> m = new HashMap<>(model(id));
        m.put("nav", "stations");
        m.put("station", id);
        services.renderer().render(ctx, "settings", m);
    }

    private void send(Context ctx) throws Exception {
        String id = station(ctx);
        List<String> chosen = ctx.formParams("services");
        SettingsForm form = new SettingsForm(field(ctx, "hours"), field(ctx, "exceptions"), String.join(",", chosen),
                field(ctx, "duplicateWindow"), field(ctx, "coldAlert"), field(ctx, "announcement"), field(ctx, "pin"),
                field(ctx, "pinAgain"), field(ctx, "loanOverdueDays"), field(ctx, "guestLoans"), field(ctx, "ratings"),
                field(ctx, "supplies"), field(ctx, "voiceEnabled"), field(ctx, "voiceVolume"),
                field(ctx, "voiceQuietHours"));
        String by = services.renderer().user(ctx).map(u -> u.name()).orElse("console");
        try {
            StationSettings previous = service().status(id).map(SettingsStatus::settings).orElse(null);
            SettingsStatus s = service().send(id, form.toSettings(previous), by);
            ctx.redirect("/stations/" + id + "?settings=" + s.version() + "#settings", HttpStatus.SEE_OTHER);
        } catch (IllegalArgumentException e) {
            LOG.info("settings for {} by {} refused: {}", id, by, e.getMessage());
            Map<String, Object> m = new HashMap<>(model(service().status(id), form.withoutPin(), e.getMessage()));
            m.put("nav", "stations");
            m.put("station", id);
            ctx.status(HttpStatus.BAD_REQUEST);
            services.renderer().render(ctx, "settings", m);
        }
    }

    private static String field(Context ctx, String name) {
        String v = ctx.formParam(name);
        if (v != null && v.length() > 20_000) {
            throw ConsoleException.badRequest("error.fieldTooLong", name, 20_000);
        }
        return v == null ? "" : v;
    }

    /** @return the path's station when it is a real station of the district (simulated ones get no downlinks) */
    private String station(Context ctx) throws SQLException {
        String id = ctx.pathParam("id");
        if (id.length() > 64 || !real(id)) {
            throw ConsoleException.notFound("error.stationUnknown", id.length() > 64 ? id.substring(0, 64) + "…" : id);
        }
        return id;
    }

    private boolean real(String station) throws SQLException {
        try (java.sql.Connection c = services.database().connection()) {
            return new DownlinkSender(services.database(), services.settings().district()).stations(c).contains(station);
        }
    }
}
