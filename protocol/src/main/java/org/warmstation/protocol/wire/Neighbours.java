package org.warmstation.protocol.wire;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The nearest stations of a station's district, nearest first, with their hours: what a
 * {@link DownlinkCommand.Kind#NEIGHBOURS} downlink carries. Immutable.
 *
 * @param stations at most {@value #MAX} stations, each once, sorted by distance on construction
 */
public record Neighbours(List<Neighbour> stations) {
    /** Most neighbours in one document. */
    public static final int MAX = 20;

    /** @throws IllegalArgumentException when more than {@value #MAX} or a station twice */
    public Neighbours {
        stations = stations == null ? List.of() : List.copyOf(stations);
        if (stations.size() > MAX) {
            throw new IllegalArgumentException("more than " + MAX + " neighbours");
        }
        Set<String> ids = new HashSet<>();
        for (Neighbour n : stations) {
            if (!ids.add(n.station())) {
                throw new IllegalArgumentException("neighbour " + n.station() + " given twice");
            }
        }
        stations = stations.stream().sorted(Comparator.comparingInt(Neighbour::distanceMetres)).toList();
    }
}
