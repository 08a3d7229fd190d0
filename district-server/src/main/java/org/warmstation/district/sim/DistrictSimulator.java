package org.warmstation.district.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import org.warmstation.district.sim.ChaoyangPlaces.Kind;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * A simulated district of Beijing's Chaoyang district (朝阳区): stations with plausible names,
 * addresses, coordinates, phones, hours and services, and their visits day by day — peaks at lunch
 * and in the evening, quieter weekends, couriers, food-delivery riders and sanitation workers most,
 * about one visit in nine a guest, and regulars who come back. Every name ends in
 * {@link #NAME_SUFFIX} and every station id starts with {@code CY-S}, so nothing simulated can pass
 * for a real station.
 *
 * <p>Deterministic: the same {@link Settings} give the same stations and visits; the visits of one
 * station and day depend only on the seed, the station and the date (not on {@code now}, which
 * only cuts off what has not happened yet), so a later run can add the visits since the last one.
 *
 * <p>Immutable and thread-safe; nothing here blocks.
 */
public final class DistrictSimulator {
    /** Suffix of every simulated station's name (“simulated”). */
    public static final String NAME_SUFFIX = "（模拟）";
    /** The stations' time zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Chaoyang's district code, the demo's district. */
    public static final int CHAOYANG = 110105;

    /**
     * What to simulate.
     *
     * @param seed     randomness seed
     * @param stations how many stations, 1..9999
     * @param days     how many days of visits, ending with the local date of {@code now}, 1..400
     * @param now      the simulation's present: nothing later is generated
     * @param district district id the stations belong to
     */
    public record Settings(long seed, int stations, int days, Instant now, int district) {
        /** @throws IllegalArgumentException when a count is out of range */
        public Settings {
            Objects.requireNonNull(now, "now");
            if (stations < 1 || stations > 9999) {
                throw new IllegalArgumentException("stations must be 1..9999: " + stations);
            }
            if (days < 1 || days > 400) {
                throw new IllegalArgumentException("days must be 1..400: " + days);
            }
        }

        /**
         * @param now the present
         * @return the demo's district: 40 Chaoyang stations, 30 days, seed 9
         */
        public static Settings demo(Instant now) {
            return new Settings(9, 40, 30, now, CHAOYANG);
        }
    }

    private final Settings settings;
    private final List<SimStation> stations;
    private final MemberPool members;

    /**
     * Builds the stations and their members (a few milliseconds for forty stations).
     *
     * @param settings what to simulate
     */
    public DistrictSimulator(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.stations = SimStations.build(settings.seed(), settings.stations());
        this.members = new MemberPool(settings.seed(), stations);
    }

    /** @return the settings */
    public Settings settings() {
        return settings;
    }

    /** @return the stations, in id order */
    public List<SimStation> stations() {
        return stations;
    }

    /** @return the simulated dates, oldest first; the last is the local date of {@code now} */
    public List<LocalDate> dates() {
        LocalDate last = settings.now().atZone(ZONE).toLocalDate();
        return last.minusDays(settings.days() - 1L).datesUntil(last.plusDays(1)).toList();
    }

    /**
     * Every check-in at a station on a date up to {@code now}, in time order (strictly increasing
     * instants), whether or not it reached the district.
     *
     * @param station a station of this district
     * @param date    a local date
     * @return the visits, possibly empty
     */
    public List<SimVisit> visits(SimStation station, LocalDate date) {
        return visits(station, date, settings.now());
    }

    /**
     * Every check-in at a station on a date up to {@code until}, in time order: the same visits as
     * {@link #visits(SimStation, LocalDate)} of a simulation whose {@code now} is {@code until}.
     *
     * @param station a station of this district
     * @param date    a local date
     * @param until   cut-off instant (inclusive)
     * @return the visits, possibly empty
     */
    public List<SimVisit> visits(SimStation station, LocalDate date, Instant until) {
        SplittableRandom rng = new SplittableRandom(mix(settings.seed(), station.index(), date.toEpochDay()));
        double day = station.dailyVisits() * VisitPatterns.weekdayFactor(date.getDayOfWeek(), station.kind())
                * districtDayFactor(date) * (0.9 + 0.2 * rng.nextDouble());
        ZonedDateTime midnight = date.atStartOfDay(ZONE);
        long[] millis = new long[64];
        int n = 0;
        for (int h = 0; h < 24; h++) {
            int count = VisitPatterns.poisson(rng, day * VisitPatterns.hourShare(h));
            for (int i = 0; i < count; i++) {
                long ms = h * 3_600_000L + rng.nextInt(3_600_000);
                if (station.isOpenAt(LocalTime.ofNanoOfDay(ms * 1_000_000L))) {
                    if (n == millis.length) {
                        millis = Arrays.copyOf(millis, n * 2);
                    }
                    millis[n++] = ms;
                }
            }
        }
        Arrays.sort(millis, 0, n);
        long start = midnight.toInstant().toEpochMilli();
        long cutoff = until.toEpochMilli();
        double guestShare = station.kind() == Kind.SANITATION ? 0.06 : 0.12;
        List<SimVisit> out = new ArrayList<>(n);
        long previous = Long.MIN_VALUE;
        for (int i = 0; i < n; i++) {
            long at = Math.max(start + millis[i], previous + 1);
            previous = at;
            int hour = (int) (millis[i] / 3_600_000L);
            WorkerCategory category = VisitPatterns.category(station.kind(), hour, rng);
            List<String> services = VisitPatterns.services(station.services(), category, hour, date.getMonth(), rng);
            boolean guest = rng.nextDouble() < guestShare;
            MemberPool.Member m = guest ? null : members.pick(station, category, rng);
            UUID uuid = uuidV7(at, rng.nextLong(), rng.nextLong());
            if (at <= cutoff) {
                out.add(new SimVisit(uuid, Instant.ofEpochMilli(at), guest ? null : m.id(), guest ? 0 : m.serial(),
                        category.name(), services));
            }
        }
        return out;
    }

    /** The day's weather and mood across the district: some days busier (cold snaps) than others. */
    private double districtDayFactor(LocalDate date) {
        SplittableRandom rng = new SplittableRandom(mix(settings.seed(), 0xDA7EL, date.toEpochDay()));
        return 0.88 + 0.3 * rng.nextDouble();
    }

    private static UUID uuidV7(long epochMilli, long a, long b) {
        long msb = (epochMilli << 16) | 0x7000L | (a & 0x0FFFL);
        long lsb = (b & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(msb, lsb);
    }

    /**
     * @return a well-mixed 64-bit seed from three values (SplitMix64's finaliser over their sum)
     */
    static long mix(long seed, long a, long b) {
        long z = seed * 0x9E37_79B9_7F4A_7C15L + a * 0xBF58_476D_1CE4_E5B9L + b * 0x94D0_49BB_1331_11EBL;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
