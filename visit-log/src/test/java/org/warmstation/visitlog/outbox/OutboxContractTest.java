package org.warmstation.visitlog.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.wire.WireVisit;

/**
 * The {@link TypedOutbox} contract ({@link OutboxContract}) for visits, plus what is particular to
 * visits, run against every visit outbox. A subclass supplies a station: something that records
 * visits and changes their services the way the kiosk does.
 */
abstract class OutboxContractTest extends OutboxContract<WireVisit> {
    /** Records visits and changes services, as the kiosk's visit store does, next to an outbox. */
    interface Station extends OutboxContract.Station<WireVisit> {
        @Override
        Outbox outbox();

        /** Records a new visit at {@link #T0}; @return its uuid. */
        @Override
        UUID record(boolean guest);

        /** Replaces the services of a recorded visit. */
        void changeServices(UUID visit, List<String> services);

        /** A revision of a visit is a change of its services. */
        @Override
        default void revise(UUID id) {
            changeServices(id, List.of("HOT_WATER", "TOILET"));
        }
    }

    @Override
    protected abstract Station openStation(java.nio.file.Path dir);

    @Override
    protected void assertRevised(WireVisit revised) {
        assertEquals(List.of("HOT_WATER", "TOILET"), revised.services());
    }

    @Test
    void guestAndCardVisitsComeOutAsValidWireVisits() {
        record(2);
        List<WireVisit> due = outbox.due(0, 10, T0, RESEND);
        assertEquals("GUEST", due.get(0).source());
        assertEquals(null, due.get(0).memberId());
        assertEquals("CARD", due.get(1).source());
        assertEquals(16, due.get(1).memberId().length());
        assertEquals(1, due.get(1).revision());
    }

    @Test
    void servicesChangedAfterConfirmationQueueTheVisitAgain() {
        UUID id = record(1).getFirst();
        outbox.confirm(outbox.due(0, 10, T0, RESEND), T0);
        ((Station) station).changeServices(id, List.of("REST"));
        assertEquals(1, outbox.stats(T0).waiting());
        assertEquals(2, outbox.due(0, 10, T0, RESEND).getFirst().revision());
        assertEquals(List.of("REST"), outbox.due(0, 10, T0, RESEND).getFirst().services());
    }
}
