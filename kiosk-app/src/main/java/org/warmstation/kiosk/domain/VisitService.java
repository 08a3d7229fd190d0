package org.warmstation.kiosk.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.warmstation.visitlog.domain.VisitStore.StoreException;
import org.warmstation.protocol.card.CardVerdict;
import org.warmstation.protocol.card.CardVerifier;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.StationClock;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.domain.UuidV7;
import org.warmstation.visitlog.domain.VisitStore;

/**
 * Checks visitors in and keeps the station's person-visit (人次) count: verifies a scanned member
 * card, suppresses a second check-in of the same member within the duplicate window, records
 * visits with their outbox entries in the {@link VisitStore}, records services and counts a day's
 * usage.
 *
 * <p>Threading: every method blocks on storage (a visit is committed and synced to storage before
 * {@link #checkIn} returns, typically some milliseconds, more on a slow SD card); never call them
 * on the UI (JavaFX application) thread. The service is thread-safe; check-ins are serialised so
 * that two scans of one card can never both count.
 *
 * <p>Privacy: the scanned text is never logged, only a short sanitised prefix and its length.
 */
public final class VisitService {
    /** Default duplicate window: a member scanning again within it is not counted again. */
    public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofMinutes(10);

    private static final Logger log = LoggerFactory.getLogger(VisitService.class);

    private final VisitStore store;
    private final Supplier<CardVerifier> verifiers;
    private final StationClock clock;
    private final String stationId;
    private final ZoneId zone;
    private final Supplier<Duration> duplicateWindow;
    private final UuidV7 ids = new UuidV7();
    private final Object checkInLock = new Object();

    /**
     * A service with the {@link #DEFAULT_DUPLICATE_WINDOW} of 10 minutes; parameters as in
     * {@link #VisitService(VisitStore, Supplier, StationClock, String, ZoneId, Duration)}.
     *
     * @throws IllegalArgumentException when the station id is blank
     */
    public VisitService(VisitStore store, Supplier<CardVerifier> verifiers, StationClock clock,
                        String stationId, ZoneId zone) {
        this(store, verifiers, clock, stationId, zone, DEFAULT_DUPLICATE_WINDOW);
    }

    /**
     * @param store           the visit log
     * @param verifiers       gives the card verifier to use for each scan, so updated trust and
     *                        deny-lists take effect at once; called on the checking-in thread
     * @param clock           the station clock
     * @param stationId       this station's id, stored with every visit
     * @param zone            the station's zone (Asia/Shanghai in Beijing): defines local days
     *                        and hours of {@link #usageOn}
     * @param duplicateWindow how long after a member's visit a new scan of the same member counts
     *                        as the same visit; positive
     * @throws IllegalArgumentException when the window is not positive or the station id blank
     */
    public VisitService(VisitStore store, Supplier<CardVerifier> verifiers, StationClock clock,
                        String stationId, ZoneId zone, Duration duplicateWindow) {
        this(store, verifiers, clock, stationId, zone, fixed(duplicateWindow));
    }

    private static Supplier<Duration> fixed(Duration window) {
        Objects.requireNonNull(window, "duplicateWindow");
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("duplicate window must be positive: " + window);
        }
        return () -> window;
    }

    /**
     * A service whose duplicate window may change while it runs (the district's station settings);
     * otherwise as {@link #VisitService(VisitStore, Supplier, StationClock, String, ZoneId, Duration)}.
     *
     * @param duplicateWindow gives the window for each check-in, called on the checking-in thread;
     *                        a null or non-positive answer means {@link #DEFAULT_DUPLICATE_WINDOW}
     * @throws IllegalArgumentException when the station id is blank
     */
    public VisitService(VisitStore store, Supplier<CardVerifier> verifiers, StationClock clock,
                        String stationId, ZoneId zone, Supplier<Duration> duplicateWindow) {
        this.store = Objects.requireNonNull(store, "store");
        this.verifiers = Objects.requireNonNull(verifiers, "verifiers");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stationId = Objects.requireNonNull(stationId, "stationId");
        this.zone = Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(duplicateWindow, "duplicateWindow");
        if (stationId.isBlank()) {
            throw new IllegalArgumentException("station id is blank");
        }
        this.duplicateWindow = () -> {
            Duration d = duplicateWindow.get();
            return d == null || d.isNegative() || d.isZero() ? DEFAULT_DUPLICATE_WINDOW : d;
        };
    }

    /**
     * Checks in the holder of a scanned member card. The card is verified with
     * {@link CardVerifier#verify(String, Instant)} at the station clock's now. An accepted card
     * whose member already has a visit recorded within the duplicate window before now (and not
     * more than the window after it, in case the clock was set back) gives
     * {@link CheckInResult.AlreadyCheckedIn} with that visit; otherwise a new card visit is
     * committed and {@link CheckInResult.Welcome} returned. A rejected text gives
     * {@link CheckInResult.Rejected} and records nothing.
     *
     * <p>Blocks on storage; never call on the UI thread.
     *
     * @param scannedText any text at all, including null, hostile or binary-looking text
     * @return the result; {@link CheckInResult.Failed} when the visit log could not be read or
     *         written, or no card lists are loaded. Never throws for any text.
     */
    public CheckInResult checkIn(String scannedText) {
        try {
            CardVerifier verifier = verifiers.get();
            if (verifier == null) {
                log.warn("check-in impossible: no trust list loaded (scan {})", ScanLogText.describe(scannedText));
                return new CheckInResult.Failed("no trust list loaded; member cards cannot be checked");
            }
            Instant now = clock.now();
            return switch (verifier.verify(scannedText, now)) {
                case CardVerdict.Accepted accepted -> checkInMember(accepted.card(), now);
                case CardVerdict.Rejected rejected -> {
                    log.info("scan rejected: {} ({}), text {}", rejected.reason(), rejected.detail(),
                            ScanLogText.describe(scannedText));
                    yield new CheckInResult.Rejected(rejected.reason());
                }
            };
        } catch (StoreException e) {
            log.error("check-in not recorded: {}", e.getMessage());
            return new CheckInResult.Failed(e.getMessage(), e.damaged());
        } catch (RuntimeException e) {
            log.error("check-in failed unexpectedly (scan {})", ScanLogText.describe(scannedText), e);
            return new CheckInResult.Failed("internal error during check-in (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Checks in a guest without a card, who chose a worker category on the screen. Guests are
     * never treated as duplicates: each check-in is a person-visit.
     *
     * <p>Blocks on storage; never call on the UI thread.
     *
     * @param category the guest's worker category
     * @return {@link CheckInResult.Welcome} with the committed visit, or
     *         {@link CheckInResult.Failed} when the visit log could not be written
     * @throws NullPointerException when category is null
     */
    public CheckInResult checkInGuest(WorkerCategory category) {
        Objects.requireNonNull(category, "category");
        try {
            Visit visit = store.record(newVisit(null, 0, category, VisitSource.GUEST, clock.now()));
            log.info("guest visit {} recorded ({})", visit.sequence(), category);
            return new CheckInResult.Welcome(visit);
        } catch (StoreException e) {
            log.error("guest check-in not recorded: {}", e.getMessage());
            return new CheckInResult.Failed(e.getMessage(), e.damaged());
        }
    }

    /**
     * Replaces the services a recorded visit used; the changed visit is queued in the outbox to
     * be sent again.
     *
     * <p>Blocks on storage; never call on the UI thread.
     *
     * @param visitId  the visit
     * @param services the services now used (empty for none)
     * @return the updated visit
     * @throws StoreException when the visit does not exist or the visit log could not be written
     */
    public Visit setServices(UUID visitId, Set<Service> services) {
        Objects.requireNonNull(visitId, "visitId");
        Objects.requireNonNull(services, "services");
        return store.updateServices(visitId, services);
    }

    /**
     * Counts the visits of one local day (midnight to midnight in the station zone).
     *
     * <p>Blocks on storage; never call on the UI thread.
     *
     * @param day the local date
     * @return person-visits, distinct members, guests, and counts by local hour 0–23, worker
     *         category and service, every key present
     * @throws StoreException when the visit log could not be read
     */
    public DailyUsage usageOn(LocalDate day) {
        Objects.requireNonNull(day, "day");
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(zone).toInstant();
        return DailyUsageTally.tally(day, zone, store.between(from, to));
    }

    private CheckInResult checkInMember(MemberCard card, Instant now) {
        synchronized (checkInLock) {
            Duration window = duplicateWindow.get();
            Optional<Visit> earlier = store.latestOf(card.memberId(), now.minus(window));
            if (earlier.isPresent() && earlier.get().recordedAt().isBefore(now.plus(window))) {
                log.info("member already checked in with visit {}", earlier.get().sequence());
                return new CheckInResult.AlreadyCheckedIn(earlier.get());
            }
            Visit visit = store.record(newVisit(card.memberId(), card.cardSerial(), card.category(),
                    VisitSource.CARD, now));
            log.info("card visit {} recorded ({})", visit.sequence(), card.category());
            return new CheckInResult.Welcome(visit);
        }
    }

    private Visit newVisit(MemberId member, long cardSerial, WorkerCategory category, VisitSource source,
                           Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        return new Visit(ids.next(at), 0, stationId, at, zone, member, cardSerial, category, Set.of(), source,
                clock.synced(), clock.sinceBoot().truncatedTo(ChronoUnit.MILLIS));
    }
}
