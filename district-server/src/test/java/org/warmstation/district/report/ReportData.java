package org.warmstation.district.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.warmstation.district.db.VisitStore;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.WireVisit;

/**
 * A small seeded district for report tests: stations, members with a home station and a category,
 * guests, one to three services per visit, from {@code first} for {@code days} days; a busy station
 * and a quiet one (so both shown and suppressed cells exist).
 */
public final class ReportData {
    /** The district id. */
    public static final int DISTRICT = 110105;
    static final String[] CATEGORIES = {"COURIER", "FOOD_DELIVERY", "SANITATION", "TAXI", "SECURITY"};
    static final String[] SERVICES = {"HOT_WATER", "HEAT_MEAL", "TOILET", "REST", "WARM_UP", "CHARGING"};
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Map<String, List<WireVisit>> byStation = new TreeMap<>();

    private ReportData() {
    }

    /**
     * @param seed     random seed
     * @param stations number of stations (station {@code st-00} is busy, the last one quiet)
     * @param first    first local date
     * @param days     number of days
     * @return the generated visits (not stored yet)
     */
    public static ReportData generate(long seed, int stations, LocalDate first, int days) {
        ReportData d = new ReportData();
        Random r = new Random(seed);
        int members = 12 * stations;
        for (int s = 0; s < stations; s++) {
            String station = String.format("st-%02d", s);
            List<WireVisit> visits = new ArrayList<>();
            int perDay = s == 0 ? 30 : s == stations - 1 ? 1 : 8;
            for (int day = 0; day < days; day++) {
                for (int i = 0; i < perDay; i++) {
                    int hour = 6 + r.nextInt(16);
                    Instant at = first.plusDays(day).atTime(hour, r.nextInt(60)).atZone(BEIJING).toInstant();
                    boolean guest = r.nextInt(5) == 0;
                    int m = (s * 12 + r.nextInt(12) + (r.nextInt(6) == 0 ? r.nextInt(members) : 0)) % members;
                    String member = guest ? null : String.format("%016x", 0xa000 + m);
                    String category = guest ? CATEGORIES[r.nextInt(CATEGORIES.length)] : CATEGORIES[m % CATEGORIES.length];
                    List<String> services = new ArrayList<>();
                    for (int k = 1 + r.nextInt(3); k > 0; k--) {
                        String sv = SERVICES[r.nextInt(SERVICES.length)];
                        if (!services.contains(sv)) {
                            services.add(sv);
                        }
                    }
                    long seq = visits.size() + 1L;
                    visits.add(new WireVisit(UUID.nameUUIDFromBytes((station + seq).getBytes()), seq, 1, at,
                            BEIJING.getId(), member, guest ? 0 : 1000 + m, category, services,
                            guest ? "GUEST" : "CARD", true, seq * 1000));
                }
            }
            d.byStation.put(station, visits);
        }
        return d;
    }

    /**
     * Stores every visit through {@link VisitStore} (batches of 50, as stations send them).
     *
     * @param c connection
     * @throws SQLException when the database fails
     */
    public void store(Connection c) throws SQLException {
        VisitStore store = new VisitStore();
        for (Map.Entry<String, List<WireVisit>> e : byStation.entrySet()) {
            List<WireVisit> vs = e.getValue();
            for (int i = 0; i < vs.size(); i += 50) {
                store.store(c, VisitBatch.of(DISTRICT, e.getKey(), Instant.now(), vs.subList(i, Math.min(vs.size(), i + 50))));
            }
        }
    }

    /** @return the generated visits by station */
    public Map<String, List<WireVisit>> visits() {
        return byStation;
    }
}
