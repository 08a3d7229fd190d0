package org.warmstation.district.sim;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.warmstation.district.sim.ChaoyangPlaces.Kind;
import org.warmstation.district.sim.ChaoyangPlaces.Place;
import org.warmstation.district.sim.SimStation.Health;

/**
 * Builds the simulated stations from {@link ChaoyangPlaces}: the first forty are the places
 * themselves, further ones reuse a place with a number ({@code 东大桥2号驿站}) and a position moved
 * by up to ~1 km, kept inside the box. Health is fixed by position so every district of 15 or more
 * stations has some OFFLINE and QUIET ones. Stateless.
 */
final class SimStations {
    /** How long ago the OFFLINE stations lost their connection, in turn. */
    private static final List<Duration> OFFLINE_FOR = List.of(Duration.ofMinutes(35), Duration.ofHours(5),
            Duration.ofHours(51));
    /** How old the QUIET stations' last heartbeat is, in turn. */
    private static final List<Duration> QUIET_FOR = List.of(Duration.ofMinutes(9), Duration.ofMinutes(26));

    private SimStations() {
    }

    static List<SimStation> build(long seed, int count) {
        List<SimStation> out = new ArrayList<>(count);
        int offline = 0;
        int quiet = 0;
        for (int i = 0; i < count; i++) {
            SplittableRandom rng = new SplittableRandom(DistrictSimulator.mix(seed, 0x5717L, i));
            Place p = ChaoyangPlaces.ALL.get(i % ChaoyangPlaces.ALL.size());
            int round = i / ChaoyangPlaces.ALL.size();
            double lat = p.lat();
            double lon = p.lon();
            String stem = p.stem();
            if (round > 0) {
                stem = p.stem() + (round + 1) + "号";
                lat = clamp(lat + (rng.nextDouble() - 0.5) * 0.018, ChaoyangPlaces.SOUTH, ChaoyangPlaces.NORTH);
                lon = clamp(lon + (rng.nextDouble() - 0.5) * 0.024, ChaoyangPlaces.WEST, ChaoyangPlaces.EAST);
            }
            Health health = Health.ONLINE;
            Duration silent = Duration.ZERO;
            if (i % 13 == 6) {
                health = Health.OFFLINE;
                silent = OFFLINE_FOR.get(offline++ % OFFLINE_FOR.size());
            } else if (i % 17 == 12) {
                health = Health.QUIET;
                silent = QUIET_FOR.get(quiet++ % QUIET_FOR.size());
            }
            LocalTime[] hours = hours(p.kind(), i);
            out.add(new SimStation(i, "CY-S%04d".formatted(i + 1), stem + p.suffix() + DistrictSimulator.NAME_SUFFIX,
                    "北京市朝阳区" + p.address(), round(lat), round(lon),
                    "010-6%03d-%04d".formatted(rng.nextInt(1000), rng.nextInt(10_000)), hours[0], hours[1],
                    services(rng, p.kind()), p.kind(), dailyVisits(rng, p.kind()), health, silent,
                    i % 11 == 4 ? "0.0.9" : "0.1.0", i % 23 != 9));
        }
        return List.copyOf(out);
    }

    private static LocalTime[] hours(Kind kind, int i) {
        LocalTime midnight = LocalTime.MIDNIGHT;
        return switch (kind) {
            case TRAFFIC -> new LocalTime[] {midnight, midnight};
            case SANITATION -> new LocalTime[] {LocalTime.of(5, 0), LocalTime.of(20, 0)};
            case BUSINESS -> i % 5 == 0 ? new LocalTime[] {midnight, midnight}
                    : new LocalTime[] {LocalTime.of(7, 0), LocalTime.of(22, 0)};
            case RESIDENTIAL -> i % 2 == 0 ? new LocalTime[] {LocalTime.of(8, 0), LocalTime.of(20, 0)}
                    : new LocalTime[] {LocalTime.of(7, 30), LocalTime.of(21, 0)};
        };
    }

    private static List<String> services(SplittableRandom rng, Kind kind) {
        List<String> s = new ArrayList<>(List.of("HOT_WATER"));
        if (rng.nextDouble() < 0.75) {
            s.add("HEAT_MEAL");
        }
        s.add("TOILET");
        s.add("REST");
        if (rng.nextDouble() < 0.9) {
            s.add("WARM_UP");
        }
        if (kind != Kind.SANITATION || rng.nextDouble() < 0.5) {
            s.add("CHARGING");
        }
        if (rng.nextDouble() < 0.5) {
            s.add("RAIN_GEAR");
        }
        if (rng.nextDouble() < 0.2) {
            s.add("OTHER");
        }
        return s;
    }

    /** Weekday mean; over many stations about 32, so 1,300 stations × 90 days hold about 3.5 million visits. */
    private static double dailyVisits(SplittableRandom rng, Kind kind) {
        return switch (kind) {
            case BUSINESS -> 35 + rng.nextDouble() * 25;
            case TRAFFIC -> 25 + rng.nextDouble() * 20;
            case SANITATION -> 22 + rng.nextDouble() * 18;
            case RESIDENTIAL -> 12 + rng.nextDouble() * 18;
        };
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
