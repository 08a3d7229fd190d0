package org.warmstation.kiosk.card;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.warmstation.protocol.card.WorkerCategory;

/**
 * The Chinese and English labels of each {@link WorkerCategory}, as printed on member cards and
 * accepted in card-issue lists. Stateless and thread-safe.
 */
public final class CategoryLabels {
    private static final Map<WorkerCategory, String[]> LABELS = new EnumMap<>(Map.of(
            WorkerCategory.COURIER, new String[] {"快递员", "Courier"},
            WorkerCategory.FOOD_DELIVERY, new String[] {"外卖骑手", "Food-delivery rider"},
            WorkerCategory.SANITATION, new String[] {"环卫工人", "Sanitation worker"},
            WorkerCategory.TAXI_RIDE_HAILING, new String[] {"出租车/网约车司机", "Taxi / ride-hailing driver"},
            WorkerCategory.TRAFFIC_POLICE, new String[] {"交通警察", "Traffic police"},
            WorkerCategory.PARKING_ATTENDANT, new String[] {"停车管理员", "Parking attendant"},
            WorkerCategory.SECURITY_GUARD, new String[] {"保安", "Security guard"},
            WorkerCategory.OTHER, new String[] {"其他户外劳动者", "Other outdoor worker"}));

    private CategoryLabels() {
    }

    /**
     * @param category a category
     * @return its Chinese label, e.g. 快递员
     */
    public static String chinese(WorkerCategory category) {
        return LABELS.get(category)[0];
    }

    /**
     * @param category a category
     * @return its English label, e.g. Courier
     */
    public static String english(WorkerCategory category) {
        return LABELS.get(category)[1];
    }

    /**
     * Reads a category as written by a person: the enum name in any case ({@code courier},
     * {@code FOOD_DELIVERY}), the Chinese label (快递员), or the English label.
     *
     * @param text the text; surrounding white space is ignored
     * @return the category, or empty when the text names none
     */
    public static Optional<WorkerCategory> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        for (WorkerCategory c : WorkerCategory.values()) {
            if (c.name().equalsIgnoreCase(t.replace('-', '_')) || chinese(c).equals(t)
                    || english(c).toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT))) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
