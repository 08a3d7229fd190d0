package org.warmstation.kiosk.domain;

import java.time.LocalDateTime;
import java.util.Objects;
import java.util.Optional;
import org.warmstation.protocol.wire.Neighbour;
import org.warmstation.protocol.wire.Neighbours;
import org.warmstation.protocol.wire.StationHours;

/**
 * What the idle and staff screens tell while the station is closed by its opening hours: when it
 * opens again and the nearest station of the district open now. Immutable; {@link #at} is a pure
 * function of station-local time.
 *
 * @param opensAt      the next opening within {@value StationHours#HORIZON_DAYS} days, or empty
 * @param nearestOpen  the nearest neighbour open now, or empty when none is
 * @param nearestUntil when that neighbour closes, or empty when it is open around the clock (or
 *                     there is none)
 */
public record ClosedNotice(Optional<LocalDateTime> opensAt, Optional<Neighbour> nearestOpen,
                           Optional<LocalDateTime> nearestUntil) {
    /** @throws NullPointerException when a field is null */
    public ClosedNotice {
        Objects.requireNonNull(opensAt, "opensAt");
        Objects.requireNonNull(nearestOpen, "nearestOpen");
        Objects.requireNonNull(nearestUntil, "nearestUntil");
    }

    /**
     * @param hours      the station's hours
     * @param neighbours the district's nearest stations, nearest first
     * @param now        station-local now (neighbours share the district's zone)
     * @return the notice when the station is closed now, empty when open
     */
    public static Optional<ClosedNotice> at(StationHours hours, Neighbours neighbours, LocalDateTime now) {
        if (hours.openAt(now)) {
            return Optional.empty();
        }
        Optional<Neighbour> nearest = neighbours.stations().stream().filter(n -> n.hours().openAt(now)).findFirst();
        return Optional.of(new ClosedNotice(hours.nextOpening(now), nearest,
                nearest.flatMap(n -> n.hours().openUntil(now))));
    }
}
