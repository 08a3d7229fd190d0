package org.warmstation.kiosk.app;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.warmstation.kiosk.ui.SupplyDesk;
import org.warmstation.protocol.rating.RatingAnswer;
import org.warmstation.protocol.rating.RatingReason;
import org.warmstation.protocol.supply.SupplySeason;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.SupplyItem;
import org.warmstation.protocol.wire.SupplySettings;
import org.warmstation.protocol.wire.WireRating;
import org.warmstation.protocol.wire.WireSupply;
import org.warmstation.visitlog.domain.Handout;
import org.warmstation.visitlog.domain.StationClock;
import org.warmstation.visitlog.domain.StockLevel;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.store.SqliteRatingStore;
import org.warmstation.visitlog.store.SqliteSupplyStore;

/**
 * The station's supplies and ratings for the kiosk (issue 12): the SQLite stores of the visit log
 * behind the {@link SupplyDesk} the screens use, the items from the station's supply settings, the
 * season from the station clock in the station's zone. Thread-safe (the stores serialise); every
 * method but {@link #settings()} blocks on storage.
 */
public final class StationSupplies implements SupplyDesk, AutoCloseable {
    private final SqliteSupplyStore supplies;
    private final SqliteRatingStore ratings;
    private final StationClock clock;
    private final ZoneId zone;
    private final Supplier<SupplySettings> settings;

    /**
     * @param dataDirectory the station's data directory (its visit log)
     * @param clock         the station clock
     * @param zone          the station's zone (local dates of the season)
     * @param settings      the station's supply settings now
     * @throws org.warmstation.visitlog.domain.VisitStore.StoreException when the visit log cannot be opened
     */
    public StationSupplies(Path dataDirectory, StationClock clock, ZoneId zone, Supplier<SupplySettings> settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.supplies = new SqliteSupplyStore(dataDirectory, clock::now, RecordTypes.standard());
        this.ratings = new SqliteRatingStore(dataDirectory, clock::now, RecordTypes.standard());
    }

    @Override
    public SupplySettings settings() {
        return settings.get();
    }

    @Override
    public List<StockLevel> stock() {
        return supplies.stock(settings());
    }

    @Override
    public Handout handOut(String item, Visit visit) {
        Instant seasonStart = SupplySeason.start(LocalDate.ofInstant(clock.now(), zone)).atStartOfDay(zone).toInstant();
        return supplies.handOut(settings().item(item).orElse(null), visit.id(), seasonStart);
    }

    @Override
    public WireSupply deliver(String item, int quantity) {
        return supplies.deliver(known(item), quantity);
    }

    @Override
    public WireSupply correct(String item, int counted) {
        return supplies.correct(known(item), counted);
    }

    @Override
    public WireRating rate(UUID visit, RatingAnswer answer, List<RatingReason> reasons) {
        return ratings.rate(visit, answer, reasons);
    }

    private SupplyItem known(String item) {
        return settings().item(item).orElseThrow(
                () -> new IllegalArgumentException("this station does not stock '" + item + "'"));
    }

    /** Closes both stores; idempotent. */
    @Override
    public void close() {
        supplies.close();
        ratings.close();
    }
}
