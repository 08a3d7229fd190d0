package org.warmstation.district.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.WireVisit;

/** Builds wire visits and batches for tests. */
public final class Visits {
    private Visits() {
    }

    /**
     * @param seq      sequence number
     * @param at       check-in instant
     * @param member   16 hex digits or null for a guest
     * @param category worker category name
     * @param services service names
     * @return a visit with a random UUID, revision 1, zone Asia/Shanghai
     */
    public static WireVisit visit(long seq, Instant at, String member, String category, String... services) {
        return new WireVisit(UUID.randomUUID(), seq, 1, at, "Asia/Shanghai", member, member == null ? 0 : seq,
                category, List.of(services), member == null ? "GUEST" : "CARD", true, seq * 1000);
    }

    /**
     * @param v        a visit
     * @param revision new revision
     * @param services new services
     * @return the same visit at another revision
     */
    public static WireVisit revise(WireVisit v, int revision, String... services) {
        return new WireVisit(v.uuid(), v.seq(), revision, v.recordedAt(), v.zone(), v.memberId(), v.cardSerial(),
                v.category(), List.of(services), v.source(), v.clockSynced(), v.sinceBootMs());
    }

    /**
     * @param fromSeq  first seq
     * @param count    how many
     * @param start    instant of the first; one minute apart
     * @return card visits of member {@code 00000000000000NN} (NN = seq mod 7), category COURIER
     */
    public static List<WireVisit> run(long fromSeq, int count, Instant start) {
        List<WireVisit> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long seq = fromSeq + i;
            out.add(visit(seq, start.plusSeconds(60L * i), String.format("%016x", seq % 7 + 1), "COURIER", "HOT_WATER"));
        }
        return out;
    }

    /**
     * @param district district
     * @param station  station
     * @param visits   visits in seq order
     * @return a batch with a new id
     */
    public static VisitBatch batch(int district, String station, List<WireVisit> visits) {
        return VisitBatch.of(district, station, Instant.now(), visits);
    }
}
