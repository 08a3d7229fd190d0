package org.warmstation.district.console.pages;

import io.javalin.http.Context;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.warmstation.district.console.Access;
import org.warmstation.district.console.ConsolePage;
import org.warmstation.district.console.ConsoleServices;
import org.warmstation.district.console.Lang;
import org.warmstation.district.console.Params;
import org.warmstation.district.console.Params.DateRange;
import org.warmstation.district.console.RouteTable;
import org.warmstation.district.report.ExportTable;
import org.warmstation.district.report.ReportPeriod;
import org.warmstation.district.report.Suppression;
import org.warmstation.district.supply.SupplyReports;
import org.warmstation.district.supply.SupplyTables;
import org.warmstation.protocol.wire.SupplySettings;

/**
 * Supplies and satisfaction at {@code /supplies} (issue 12): every station's last reported stock
 * per item, low ones first and flagged; handouts by month, station, item and worker category; and
 * the satisfaction ratings by month and station with each answer's share. A date or month range
 * ({@code from}, {@code to}, at most 400 days, default this month) as on the reports page; counts
 * about people from fewer than k contributors show as {@code <k}, and a suppressed satisfaction
 * cell hides its shares too (decision 0151). Downloads {@code /supplies/handouts|stock|ratings.csv|xlsx}
 * (same range parameters) hold the same cells ({@link SupplyTables}, as {@code district-server
 * report --supplies|--stock|--ratings}), items as codes. Analysts and admins.
 */
public final class SuppliesPage implements ConsolePage {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ConsoleServices services;
    private final SupplyReports reports = new SupplyReports();

    /**
     * A stock row for the template.
     *
     * @param stationId station id
     * @param station   station name
     * @param item      item name in the page's language
     * @param stock     units held
     * @param lowAt     the threshold
     * @param low       whether below it
     * @param at        when reported (console zone)
     */
    public record StockLine(String stationId, String station, String item, int stock, int lowAt, boolean low, String at) {
    }

    /**
     * A handout cell for the template.
     *
     * @param month    {@code yyyy-MM}
     * @param station  station name
     * @param item     item name
     * @param category worker category name (its message key suffix)
     * @param units    units, or {@code <k}
     */
    public record HandoutLine(String month, String station, String item, String category, String units) {
    }

    /**
     * A satisfaction cell for the template.
     *
     * @param month        {@code yyyy-MM}
     * @param station      station name
     * @param ratings      ratings, or {@code <k}
     * @param satisfied    share in percent, or {@code –} when suppressed
     * @param neutral      share, or {@code –}
     * @param dissatisfied share, or {@code –}
     */
    public record RatingLine(String month, String station, String ratings, String satisfied, String neutral,
                             String dissatisfied) {
    }

    /** @param services what the page needs */
    public SuppliesPage(ConsoleServices services) {
        this.services = services;
    }

    @Override
    public void register(RouteTable routes) {
        routes.page("/supplies", Access.ANALYST, this::render);
        for (String table : List.of("handouts", "stock", "ratings")) {
            routes.data("/supplies/" + table + ".csv", Access.ANALYST, ctx -> download(ctx, table, false));
            routes.data("/supplies/" + table + ".xlsx", Access.ANALYST, ctx -> download(ctx, table, true));
        }
    }

    private void render(Context ctx) throws SQLException {
        LocalDate today = LocalDate.now(services.clock());
        DateRange r = Params.range(ctx, "from", "to", new DateRange(today.withDayOfMonth(1), today));
        ReportPeriod period = new ReportPeriod(r.from(), r.to());
        ZoneId zone = services.clock().getZone();
        Suppression k = new Suppression(services.settings().k());
        boolean zh = Lang.of(ctx) == Lang.ZH;
        int district = services.settings().district();
        List<StockLine> stock;
        List<HandoutLine> handouts;
        List<RatingLine> ratings;
        try (Connection c = services.database().connection()) {
            stock = reports.stock(c, district).stream().map(s -> new StockLine(s.station(), s.stationName(),
                    item(s.item(), zh), s.stock(), s.lowAt(), s.low(), TIME.format(s.at().atZone(zone)))).toList();
            handouts = reports.handouts(c, district, period, zone).stream().map(h -> new HandoutLine(h.month(),
                    h.stationName(), item(h.item(), zh), h.category(), SupplyTables.units(h, k))).toList();
            ratings = reports.satisfaction(c, district, period, zone).stream().map(s -> new RatingLine(s.month(),
                    s.stationName(), SupplyTables.ratings(s, k), percent(SupplyTables.share(s, s.satisfied(), k)),
                    percent(SupplyTables.share(s, s.neutral(), k)), percent(SupplyTables.share(s, s.dissatisfied(), k))))
                    .toList();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("nav", "supplies");
        model.put("from", r.from().toString());
        model.put("to", r.to().toString());
        model.put("stock", stock);
        model.put("lowCount", stock.stream().filter(StockLine::low).count());
        model.put("handouts", handouts);
        model.put("ratings", ratings);
        model.put("k", k.label());
        model.put("query", "from=" + r.from() + "&to=" + r.to());
        services.renderer().render(ctx, "supplies", model);
    }

    private static String percent(String share) {
        return share.equals(SupplyTables.NO_SHARE) ? share : share + " %";
    }

    private void download(Context ctx, String table, boolean xlsx) throws SQLException {
        LocalDate today = LocalDate.now(services.clock());
        DateRange r = Params.range(ctx, "from", "to", new DateRange(today.withDayOfMonth(1), today));
        ReportPeriod period = new ReportPeriod(r.from(), r.to());
        ZoneId zone = services.clock().getZone();
        Suppression k = new Suppression(services.settings().k());
        int district = services.settings().district();
        ExportTable t;
        try (Connection c = services.database().connection()) {
            t = switch (table) {
                case "handouts" -> SupplyTables.handouts(c, district, period, zone, k);
                case "stock" -> SupplyTables.stock(c, district, zone);
                default -> SupplyTables.satisfaction(c, district, period, zone, k);
            };
        }
        String name = "warm-station-" + table + (table.equals("stock") ? "" : "-" + r.from() + "-" + r.to());
        if (xlsx) {
            Downloads.xlsx(ctx, t, name);
        } else {
            Downloads.csv(ctx, t, name);
        }
    }

    /** @return the default list's name of an item code, else the code (items are station settings) */
    private static String item(String code, boolean zh) {
        return SupplySettings.DEFAULT.item(code).map(i -> zh ? i.nameZh() : i.nameEn()).orElse(code);
    }
}
