package org.warmstation.district.sim;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * Simulated union members, by category: each station's regulars (who come back day after day,
 * a few far more often than others) and a district-wide pool of workers passing through any
 * station. Immutable after construction; thread-safe.
 */
final class MemberPool {
    /**
     * One member.
     *
     * @param id       16 lower-case hex digits
     * @param serial   card serial, 1..2^31-1
     * @param category trade printed on the card
     */
    record Member(String id, long serial, WorkerCategory category) {
    }

    /** Share of card visits made by the station's own regulars; the rest pass through. */
    private static final double REGULAR_SHARE = 0.72;

    private final List<Map<WorkerCategory, List<Member>>> regulars;
    private final Map<WorkerCategory, List<Member>> passing;

    MemberPool(long seed, List<SimStation> stations) {
        regulars = new ArrayList<>(stations.size());
        for (SimStation s : stations) {
            SplittableRandom rng = new SplittableRandom(DistrictSimulator.mix(seed, 0x3E6BL, s.index()));
            int n = (int) Math.round(s.dailyVisits() * 0.9);
            Map<WorkerCategory, List<Member>> byCategory = new EnumMap<>(WorkerCategory.class);
            for (int i = 0; i < n; i++) {
                WorkerCategory c = VisitPatterns.category(s.kind(), -1, rng);
                byCategory.computeIfAbsent(c, k -> new ArrayList<>()).add(member(rng, c));
            }
            regulars.add(byCategory);
        }
        passing = new EnumMap<>(WorkerCategory.class);
        SplittableRandom rng = new SplittableRandom(DistrictSimulator.mix(seed, 0x9A55L, 0));
        int perCategory = Math.max(40, stations.size() * 2);
        for (WorkerCategory c : WorkerCategory.values()) {
            List<Member> list = new ArrayList<>(perCategory);
            for (int i = 0; i < perCategory; i++) {
                list.add(member(rng, c));
            }
            passing.put(c, list);
        }
    }

    private static Member member(RandomGenerator rng, WorkerCategory c) {
        return new Member("%016x".formatted(rng.nextLong()), 1 + rng.nextInt(Integer.MAX_VALUE - 1), c);
    }

    /**
     * @param station  the station visited
     * @param category the visitor's trade
     * @param rng      randomness
     * @return a member of that trade: mostly one of the station's regulars (the first ones most
     *         often), else one passing through
     */
    Member pick(SimStation station, WorkerCategory category, RandomGenerator rng) {
        List<Member> own = regulars.get(station.index()).get(category);
        List<Member> from = own != null && rng.nextDouble() < REGULAR_SHARE ? own : passing.get(category);
        double u = rng.nextDouble();
        return from.get((int) (from.size() * u * u));
    }
}
