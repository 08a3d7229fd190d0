package org.warmstation.visitlog.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.InstantSource;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.protocol.card.MemberCard.MemberId;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.wire.WireVisit;

/** The contract against the real SQLite visit log, with the real visit store recording visits. */
class SqliteOutboxTest extends OutboxContractTest {
    @Override
    protected Station openStation(Path dir) {
        SqliteVisitStore store = new SqliteVisitStore(dir, InstantSource.fixed(T0));
        SqliteOutbox box = new SqliteOutbox(dir);
        return new Station() {
            @Override
            public Outbox outbox() {
                return box;
            }

            @Override
            public UUID record(boolean guest) {
                Visit v = new Visit(UUID.randomUUID(), 0, "cy-0042", T0, ZoneId.of("Asia/Shanghai"),
                        guest ? null : MemberId.ofHex("0011223344556677"), guest ? 0 : 42, WorkerCategory.COURIER,
                        Set.of(), guest ? VisitSource.GUEST : VisitSource.CARD, true, Duration.ofSeconds(1));
                return store.record(v).id();
            }

            @Override
            public void changeServices(UUID visit, List<String> services) {
                EnumSet<Service> set = EnumSet.noneOf(Service.class);
                services.forEach(s -> set.add(Service.valueOf(s)));
                store.updateServices(visit, set);
            }

            @Override
            public void close() {
                box.close();
                store.close();
            }
        };
    }

    @Test
    void anUnmarkedPublishConfirmedInOneWriteKeepsItsPublishTimeAndOneAttempt() throws Exception {
        station.record(false);
        station.record(true);
        List<WireVisit> sent = outbox.due(0, 10, T0, RESEND);
        outbox.markPublished(sent.subList(1, 2), T0.minusSeconds(90)); // an earlier attempt of seq 2
        assertEquals(2, outbox.confirmSent(List.of(new TypedOutbox.Sent<>(sent, T0, false)), T0.plusMillis(400)));
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("visits.db"));
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT seq, state, attempts, published_at_ms, confirmed_at_ms FROM outbox ORDER BY seq")) {
            for (int seq = 1; seq <= 2; seq++) {
                assertTrue(rs.next());
                assertEquals(seq, rs.getLong(1));
                assertEquals("CONFIRMED", rs.getString(2));
                assertEquals(seq, rs.getInt(3), "attempts: the unmarked publish counts");
                assertEquals(T0.toEpochMilli(), rs.getLong(4));
                assertEquals(T0.plusMillis(400).toEpochMilli(), rs.getLong(5));
            }
        }
    }

    @Test
    void oneConfirmationOfBatchesSentAtTwoTimesAndAMarkedOneKeepsEachBatchsPublishTime() throws Exception {
        for (int i = 0; i < 5; i++) {
            station.record(i % 2 == 0);
        }
        List<WireVisit> all = outbox.due(0, 10, T0, RESEND);
        outbox.markPublished(all.subList(4, 5), T0.minusSeconds(5)); // batch 4: marked when its ack was late
        List<TypedOutbox.Sent<WireVisit>> sent = List.of(
                new TypedOutbox.Sent<>(all.subList(0, 2), T0.minusSeconds(2), false),
                new TypedOutbox.Sent<>(all.subList(2, 3), T0.minusSeconds(1), false),
                new TypedOutbox.Sent<>(all.subList(3, 4), T0.minusSeconds(2), false), // same time as the first
                new TypedOutbox.Sent<>(all.subList(4, 5), T0.minusSeconds(5), true));
        assertEquals(5, outbox.confirmSent(sent, T0));
        long[] publishedAt = {T0.minusSeconds(2).toEpochMilli(), T0.minusSeconds(2).toEpochMilli(),
                T0.minusSeconds(1).toEpochMilli(), T0.minusSeconds(2).toEpochMilli(), T0.minusSeconds(5).toEpochMilli()};
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("visits.db"));
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT seq, state, attempts, published_at_ms FROM outbox ORDER BY seq")) {
            for (int seq = 1; seq <= 5; seq++) {
                assertTrue(rs.next());
                assertEquals("CONFIRMED", rs.getString(2), "seq " + seq);
                assertEquals(1, rs.getInt(3), "seq " + seq + ": one attempt, the marked one not counted twice");
                assertEquals(publishedAt[seq - 1], rs.getLong(4), "seq " + seq);
            }
        }
        assertEquals(0, outbox.confirmSent(sent, T0.plusSeconds(1)), "confirmed once");
    }

    @Test
    void theReusedOutboxQuerySeesVisitsRecordedAfterItsLastRead() {
        station.record(false);
        assertEquals(List.of(1L), outbox.due(0, 10, T0, RESEND).stream().map(WireVisit::seq).toList());
        station.record(true); // on the store's own connection
        station.record(false);
        assertEquals(List.of(2L, 3L), outbox.due(1, 10, T0, RESEND).stream().map(WireVisit::seq).toList());
        assertEquals(List.of(1L, 2L), outbox.due(0, 2, T0, RESEND).stream().map(WireVisit::seq).toList());
    }

    @Test
    void outboxSurvivesReopeningTheDatabase() {
        station.record(false);
        station.record(true);
        outbox.markPublished(outbox.due(0, 1, T0, RESEND), T0);
        station.close();
        station = openStation(dir);
        outbox = station.outbox();
        assertEquals(2, outbox.stats(T0).waiting());
        assertEquals(1, outbox.stats(T0).published());
        assertEquals(List.of(2L), outbox.due(0, 10, T0, RESEND).stream().map(v -> v.seq()).toList());
    }
}
