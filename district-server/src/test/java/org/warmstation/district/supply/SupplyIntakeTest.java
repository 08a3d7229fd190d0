package org.warmstation.district.supply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.DistrictService;
import org.warmstation.district.report.ReportPeriod;
import org.warmstation.district.report.Suppression;
import org.warmstation.district.testing.DistrictDatabaseExtension;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.protocol.rating.RatingAnswer;
import org.warmstation.protocol.rating.RatingReason;
import org.warmstation.protocol.supply.SupplyMovement;
import org.warmstation.protocol.wire.RecordAck;
import org.warmstation.protocol.wire.RecordBatch;
import org.warmstation.protocol.wire.RecordBody;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireRating;
import org.warmstation.protocol.wire.WireRecord;
import org.warmstation.protocol.wire.WireSupply;

/**
 * SUPPLY and RATING records at the district without a broker, through the product's record types
 * and sinks: projected once (a resent batch is acked, not counted again), the stock follows the
 * newest movement, a changed rating replaces the old answer, and the reports suppress small cells.
 */
class SupplyIntakeTest {
    private static final int DISTRICT = 110105;
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Topics STATION = new Topics(DISTRICT, "sup-a");
    private static final ReportPeriod DECEMBER = new ReportPeriod(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31));

    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension("supply_movement", "supply_stock", "rating", "station_record");

    private final List<byte[]> acks = new ArrayList<>();
    private final SupplyReports reports = new SupplyReports();
    private DistrictService service;
    private long seq;

    @BeforeEach
    void newService() throws Exception {
        service = new DistrictService(DB.database(), DISTRICT, (t, p) -> acks.add(p),
                new DistrictService.LedgerSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), Optional.empty()),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    private WireRecord record(UUID id, int revision, RecordBody body) {
        return RecordTypes.standard().record(id, ++seq, revision, NOW, body);
    }

    private RecordAck send(WireRecord... records) {
        service.handle(STATION.topic(Topics.Kind.RECORDS), Wire.encode(RecordBatch.of(DISTRICT, STATION.station(), NOW,
                List.of(records))));
        return Wire.decode(acks.getLast(), RecordAck.class);
    }

    private static WireSupply handout(UUID id, int after, WorkerCategory category) {
        return new WireSupply(id, NOW, SupplyMovement.HANDOUT, "GLOVES", 1, after, 10, UUID.randomUUID(), category, false);
    }

    @Test
    void movementsAreProjectedOnceAndTheStockFollowsTheNewest() throws Exception {
        UUID in = UUID.randomUUID();
        WireRecord delivery = record(in, 1, new WireSupply(in, NOW.minusSeconds(60), SupplyMovement.DELIVERY, "GLOVES",
                12, 12, 10, null, null, false));
        List<WireRecord> handouts = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID id = UUID.randomUUID();
            handouts.add(record(id, 1, handout(id, 11 - i, WorkerCategory.COURIER)));
        }
        send(delivery);
        RecordAck ack = send(handouts.toArray(WireRecord[]::new));
        assertEquals(4, ack.stored().size());
        send(handouts.toArray(WireRecord[]::new)); // resent after a lost ack
        assertEquals(4, Wire.decode(acks.getLast(), RecordAck.class).stored().size(), "the resend is acked");
        send(delivery); // an old movement arriving again does not turn the stock back

        try (Connection c = DB.database().connection()) {
            List<SupplyReports.HandoutCell> cells = reports.handouts(c, DISTRICT, DECEMBER, ZONE);
            assertEquals(1, cells.size());
            SupplyReports.HandoutCell cell = cells.getFirst();
            assertEquals("2026-12", cell.month());
            assertEquals("GLOVES", cell.item());
            assertEquals("COURIER", cell.category());
            assertEquals(4, cell.units(), "counted once");
            assertTrue(Suppression.standard().primary(cell.count()), "4 contributors < k = 5");

            List<SupplyReports.StockRow> stock = reports.stock(c, DISTRICT);
            assertEquals(1, stock.size());
            assertEquals(8, stock.getFirst().stock());
            assertTrue(stock.getFirst().low());
        }
        UUID fifth = UUID.randomUUID();
        send(record(fifth, 1, handout(fifth, 7, WorkerCategory.COURIER)));
        try (Connection c = DB.database().connection()) {
            assertFalse(Suppression.standard().primary(reports.handouts(c, DISTRICT, DECEMBER, ZONE).getFirst().count()));
        }
    }

    @Test
    void aChangedRatingReplacesTheAnswerAndSharesAreOfTheRatings() throws Exception {
        List<WireRecord> ratings = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ratings.add(record(UUID.randomUUID(), 1, new WireRating(UUID.randomUUID(), NOW,
                    i < 3 ? RatingAnswer.SATISFIED : RatingAnswer.NEUTRAL, List.of())));
        }
        send(ratings.toArray(WireRecord[]::new));
        WireRecord changed = ratings.getLast().revised(RecordTypes.standard().encode(new WireRating(
                RecordTypes.standard().body(ratings.getLast(), WireRating.class).visit(), NOW.plusSeconds(3),
                RatingAnswer.DISSATISFIED, List.of(RatingReason.COLD))));
        assertEquals(List.of(new RecordAck.Stored(changed.uuid(), 2)), send(changed).stored());
        send(ratings.getLast()); // a late resend of revision 1 changes nothing
        try (Connection c = DB.database().connection()) {
            List<SupplyReports.RatingCell> cells = reports.satisfaction(c, DISTRICT, DECEMBER, ZONE);
            assertEquals(1, cells.size());
            SupplyReports.RatingCell cell = cells.getFirst();
            assertEquals(List.of(3L, 1L, 1L), List.of(cell.satisfied(), cell.neutral(), cell.dissatisfied()));
            assertEquals(60, cell.percent(cell.satisfied()));
            assertFalse(Suppression.standard().primary(cell.count()), "5 ratings of 5 unknown visits");
        }
    }
}
