package org.warmstation.district.sim;

import java.time.DayOfWeek;
import java.time.Month;
import java.util.List;
import java.util.random.RandomGenerator;
import org.warmstation.district.sim.ChaoyangPlaces.Kind;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * The shapes the simulated visits follow: the hour-of-day curve (morning, a lunch peak, an evening
 * peak), weekday against weekend, the mix of worker categories per kind of place (couriers,
 * food-delivery riders and sanitation workers most) with each trade's own busy hours, and the
 * chance of each service. Stateless.
 */
final class VisitPatterns {
    /** The categories, in {@link WorkerCategory} order. */
    static final List<WorkerCategory> CATEGORIES = List.of(WorkerCategory.values());

    /** Relative visits per local hour 0..23. */
    private static final double[] HOURS = {0.2, 0.1, 0.1, 0.1, 0.2, 0.8, 1.8, 2.6, 2.4, 2.0, 2.6, 4.5,
        5.2, 3.8, 2.6, 2.4, 2.8, 3.8, 4.4, 3.6, 2.4, 1.5, 0.8, 0.4};
    private static final double HOURS_SUM = java.util.Arrays.stream(HOURS).sum();

    /** Category weights per kind, in {@link #CATEGORIES} order. */
    private static final double[][] MIX = {
        // COURIER FOOD SANIT TAXI POLICE PARKING SECURITY OTHER
        {30, 36, 8, 7, 3, 5, 7, 4},   // BUSINESS
        {12, 12, 60, 4, 2, 3, 4, 3},  // SANITATION
        {32, 22, 20, 5, 2, 4, 10, 5}, // RESIDENTIAL
        {20, 22, 10, 25, 10, 8, 3, 2}, // TRAFFIC
    };

    private VisitPatterns() {
    }

    /**
     * @param hour local hour 0..23
     * @return the share of a day's visits falling in that hour (the 24 shares add up to 1)
     */
    static double hourShare(int hour) {
        return HOURS[hour] / HOURS_SUM;
    }

    /**
     * @param day  day of week
     * @param kind kind of place (sanitation works weekends)
     * @return visits of that day relative to a weekday
     */
    static double weekdayFactor(DayOfWeek day, Kind kind) {
        return switch (day) {
            case SATURDAY -> kind == Kind.SANITATION ? 0.95 : 0.8;
            case SUNDAY -> kind == Kind.SANITATION ? 0.92 : 0.7;
            case FRIDAY -> 1.05;
            default -> 1.0;
        };
    }

    /**
     * @param kind kind of place
     * @param hour local hour, or -1 for the plain mix
     * @param rng  randomness
     * @return a category drawn from the kind's mix, tilted to each trade's busy hours
     */
    static WorkerCategory category(Kind kind, int hour, RandomGenerator rng) {
        double[] w = MIX[kind.ordinal()];
        double total = 0;
        double[] tilted = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            tilted[i] = w[i] * tilt(CATEGORIES.get(i), hour);
            total += tilted[i];
        }
        double u = rng.nextDouble() * total;
        for (int i = 0; i < tilted.length; i++) {
            u -= tilted[i];
            if (u < 0) {
                return CATEGORIES.get(i);
            }
        }
        return CATEGORIES.getLast();
    }

    private static double tilt(WorkerCategory c, int h) {
        return switch (c) {
            case SANITATION -> h >= 5 && h <= 8 ? 2.5 : 1;
            case FOOD_DELIVERY -> (h >= 11 && h <= 13) || (h >= 17 && h <= 19) ? 1.6 : 1;
            case COURIER -> (h >= 9 && h <= 11) || (h >= 14 && h <= 16) ? 1.3 : 1;
            default -> 1;
        };
    }

    /**
     * Draws the services of one visit: each offered service by its own chance (hot water most; a
     * meal heated at meal times; warming up in the cold months; riders charge their phones), at
     * least one.
     *
     * @param offered  services the station offers, in order
     * @param category the visitor's trade
     * @param hour     local hour
     * @param month    month of the visit
     * @param rng      randomness
     * @return the services used, in the offered order, never empty
     */
    static List<String> services(List<String> offered, WorkerCategory category, int hour, Month month,
                                 RandomGenerator rng) {
        List<String> used = new java.util.ArrayList<>(3);
        for (String s : offered) {
            if (rng.nextDouble() < chance(s, category, hour, month)) {
                used.add(s);
            }
        }
        if (used.isEmpty()) {
            used.add(offered.getFirst());
        }
        return used;
    }

    private static double chance(String service, WorkerCategory c, int hour, Month month) {
        boolean meal = (hour >= 11 && hour <= 13) || (hour >= 17 && hour <= 19);
        boolean cold = month.getValue() >= 11 || month.getValue() <= 3;
        boolean rider = c == WorkerCategory.COURIER || c == WorkerCategory.FOOD_DELIVERY;
        return switch (service) {
            case "HOT_WATER" -> 0.6;
            case "HEAT_MEAL" -> meal ? 0.4 : 0.06;
            case "TOILET" -> 0.35;
            case "REST" -> c == WorkerCategory.SANITATION ? 0.55 : 0.4;
            case "WARM_UP" -> cold ? 0.45 : 0.08;
            case "CHARGING" -> rider ? 0.45 : 0.2;
            case "RAIN_GEAR" -> 0.02;
            default -> 0.03;
        };
    }

    /**
     * @param rng    randomness
     * @param lambda mean, ≥ 0
     * @return a Poisson-distributed count (normal approximation above 30)
     */
    static int poisson(RandomGenerator rng, double lambda) {
        if (lambda > 30) {
            return (int) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.nextGaussian()));
        }
        double limit = Math.exp(-lambda);
        double p = rng.nextDouble();
        int k = 0;
        while (p > limit) {
            p *= rng.nextDouble();
            k++;
        }
        return k;
    }
}
