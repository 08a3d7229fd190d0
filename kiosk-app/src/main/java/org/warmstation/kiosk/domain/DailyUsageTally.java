package org.warmstation.kiosk.domain;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.Service;

/** Counts one local day's visits into a {@link DailyUsage}. Stateless. */
final class DailyUsageTally {

    private DailyUsageTally() {
    }

    /**
     * @param day    the local day
     * @param zone   the station zone that defines the day and its hours
     * @param visits visits; those outside the day are ignored
     * @return the usage, with every hour 0–23, category and service present
     */
    static DailyUsage tally(LocalDate day, ZoneId zone, List<Visit> visits) {
        Map<Integer, Integer> byHour = new TreeMap<>();
        for (int h = 0; h < 24; h++) {
            byHour.put(h, 0);
        }
        Map<WorkerCategory, Integer> byCategory = new EnumMap<>(WorkerCategory.class);
        for (WorkerCategory c : WorkerCategory.values()) {
            byCategory.put(c, 0);
        }
        Map<Service, Integer> byService = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            byService.put(s, 0);
        }
        Set<MemberId> members = new HashSet<>();
        int personVisits = 0;
        int guests = 0;
        for (Visit v : visits) {
            ZonedDateTime local = v.recordedAt().atZone(zone);
            if (!local.toLocalDate().equals(day)) {
                continue;
            }
            personVisits++;
            byHour.merge(local.getHour(), 1, Integer::sum);
            byCategory.merge(v.category(), 1, Integer::sum);
            for (Service s : v.services()) {
                byService.merge(s, 1, Integer::sum);
            }
            if (v.guest()) {
                guests++;
            } else {
                members.add(v.member());
            }
        }
        return new DailyUsage(day, personVisits, members.size(), guests, byHour, byCategory, byService);
    }
}
