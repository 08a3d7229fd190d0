package org.warmstation.protocol.wire;

import java.util.Objects;

/**
 * A nearby station of the same district, as the district tells a station in a
 * {@link DownlinkCommand.Kind#NEIGHBOURS} downlink. Immutable.
 *
 * @param station        its id
 * @param name           its name as shown to workers (1..100 characters)
 * @param distanceMetres straight-line distance from the receiving station, 0..100,000 m
 * @param hours          its opening hours (station-local, the district's zone); null = around the clock
 */
public record Neighbour(String station, String name, int distanceMetres, StationHours hours) {
    /** @throws IllegalArgumentException naming the first invalid field */
    public Neighbour {
        Check.station(station);
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("neighbour name is blank");
        }
        Check.text("neighbour name", name, 100);
        if (distanceMetres < 0 || distanceMetres > 100_000) {
            throw new IllegalArgumentException("distanceMetres must be 0..100000: " + distanceMetres);
        }
        hours = hours == null ? StationHours.ALWAYS : hours;
    }
}
