package org.warmstation.kiosk.domain;

import java.time.LocalDate;
import java.util.Map;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.domain.Service;

/**
 * A station's usage on one local day, for the staff screen.
 *
 * @param day             the local date (station zone)
 * @param personVisits    visits (人次), guests included
 * @param distinctMembers distinct members among card visits
 * @param guestVisits     visits without a card
 * @param byHour          visits per local hour 0–23 (all 24 keys present)
 * @param byCategory      visits per worker category (every category present, zero if none)
 * @param byService       visits that used each service (every service present)
 */
public record DailyUsage(LocalDate day, int personVisits, int distinctMembers, int guestVisits,
                         Map<Integer, Integer> byHour, Map<WorkerCategory, Integer> byCategory,
                         Map<Service, Integer> byService) {
    public DailyUsage {
        byHour = Map.copyOf(byHour);
        byCategory = Map.copyOf(byCategory);
        byService = Map.copyOf(byService);
    }
}
