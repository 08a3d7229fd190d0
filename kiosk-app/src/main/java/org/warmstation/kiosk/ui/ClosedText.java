package org.warmstation.kiosk.ui;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.warmstation.kiosk.domain.ClosedNotice;
import org.warmstation.protocol.wire.Neighbour;

/**
 * The words of a {@link ClosedNotice} in the kiosk's language: "closed, opens at 7:00" and
 * "nearest open: 东大桥驿站 600 m, open until 22:00". Pure functions; any thread.
 */
final class ClosedText {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    private ClosedText() {
    }

    /**
     * @param n   the notice
     * @param now station-local now
     * @param m   the messages
     * @return e.g. {@code Closed, opens at 7:00}, {@code Closed, opens tomorrow at 7:00}
     */
    static String closed(ClosedNotice n, LocalDateTime now, Messages m) {
        return n.opensAt().map(at -> {
            String time = TIME.format(at);
            if (at.toLocalDate().equals(now.toLocalDate())) {
                return m.get("closed.opensToday", time);
            }
            if (at.toLocalDate().equals(now.toLocalDate().plusDays(1))) {
                return m.get("closed.opensTomorrow", time);
            }
            return m.get("closed.opensOn", DateTimeFormatter.ofPattern(m.get("closed.datePattern"), m.locale())
                    .format(at), time);
        }).orElse(m.get("closed.noOpening"));
    }

    /**
     * @param n the notice
     * @param m the messages
     * @return e.g. {@code Nearest open: 东大桥驿站 600 m, open until 22:00}
     */
    static String nearest(ClosedNotice n, Messages m) {
        if (n.nearestOpen().isEmpty()) {
            return m.get("closed.noneOpen");
        }
        Neighbour s = n.nearestOpen().get();
        String distance = s.distanceMetres() < 1000 ? m.get("closed.metres", s.distanceMetres())
                : m.get("closed.kilometres", s.distanceMetres() / 1000.0);
        return n.nearestUntil().map(until -> m.get("closed.nearestUntil", s.name(), distance, TIME.format(until)))
                .orElse(m.get("closed.nearestAllDay", s.name(), distance));
    }
}
