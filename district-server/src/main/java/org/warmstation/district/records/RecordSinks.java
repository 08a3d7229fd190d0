package org.warmstation.district.records;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.warmstation.protocol.wire.RecordKind;

/**
 * The {@link RecordSink}s of the district server, at most one per kind. Immutable and thread-safe.
 */
public final class RecordSinks {
    private final Map<RecordKind, RecordSink> sinks;

    private RecordSinks(List<RecordSink> sinks) {
        EnumMap<RecordKind, RecordSink> map = new EnumMap<>(RecordKind.class);
        for (RecordSink s : sinks) {
            if (map.put(Objects.requireNonNull(s.kind(), "kind"), s) != null) {
                throw new IllegalArgumentException("two sinks for record kind " + s.kind());
            }
        }
        this.sinks = map;
    }

    /**
     * The sinks of the product: one entry per kind with a projection (issue 11 adds the tickets
     * inbox here, issue 12 supplies, loans and ratings).
     *
     * @return the sinks
     */
    public static RecordSinks standard() {
        return of(List.of(new org.warmstation.district.ticket.TicketProjection(),
                new org.warmstation.district.supply.SupplyProjection(),
                new org.warmstation.district.supply.RatingProjection(),
                new org.warmstation.district.loan.LoanProjection()));
    }

    /**
     * @param sinks sinks, at most one per kind
     * @return the registry
     * @throws IllegalArgumentException when two sinks share a kind
     */
    public static RecordSinks of(List<RecordSink> sinks) {
        return new RecordSinks(List.copyOf(sinks));
    }

    /**
     * @param kind a kind
     * @return its sink, or null when records of that kind are only stored
     */
    public RecordSink forKind(RecordKind kind) {
        return sinks.get(kind);
    }
}
