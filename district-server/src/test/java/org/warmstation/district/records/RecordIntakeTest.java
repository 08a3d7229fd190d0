package org.warmstation.district.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.DistrictService;
import org.warmstation.district.testing.DistrictDatabaseExtension;
import org.warmstation.protocol.wire.RecordAck;
import org.warmstation.protocol.wire.RecordBatch;
import org.warmstation.protocol.wire.RecordBody;
import org.warmstation.protocol.wire.RecordKind;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireRecord;

/**
 * Records other than visits at the district, without a broker: stored once by uuid (a newer
 * revision replaces), acked after the commit with the revision held, the kind's sink inside the
 * same transaction, and bad input logged and dropped. A real (embedded) PostgreSQL, a fixed clock.
 */
class RecordIntakeTest {
    private static final int DISTRICT = 110105;
    private static final Instant NOW = Instant.parse("2026-12-06T03:00:00Z");
    private static final Topics STATION = new Topics(DISTRICT, "rec-a");

    /** A body for these tests: a note of the kind it names; "fail" makes the sink fail. */
    record Note(RecordKind kind, String text) implements RecordBody {
        Note {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("text must not be blank");
            }
        }
    }

    private static final RecordTypes TYPES = RecordTypes.of(Map.of(RecordKind.SUPPLY, Note.class, RecordKind.RATING, Note.class));

    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension();

    private final List<String> topics = new ArrayList<>();
    private final List<byte[]> payloads = new ArrayList<>();
    private final List<String> projected = new ArrayList<>();
    private DistrictService service;

    @BeforeEach
    void newService() {
        RecordSink sink = new RecordSink() {
            @Override
            public RecordKind kind() {
                return RecordKind.SUPPLY;
            }

            @Override
            public void stored(Connection c, Topics station, WireRecord record, RecordBody body) throws SQLException {
                if (((Note) body).text().equals("fail")) {
                    throw new SQLException("projection failed");
                }
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM station_record WHERE record_uuid = ?::uuid");
                     ) {
                    ps.setString(1, record.uuid().toString());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        assertEquals(1, rs.getInt(1), "the sink sees the record in its transaction");
                    }
                }
                projected.add(station.station() + " " + record.uuid() + " r" + record.revision() + " " + ((Note) body).text());
            }
        };
        service = new DistrictService(DB.database(), DISTRICT, (t, p) -> {
            topics.add(t);
            payloads.add(p);
        }, new DistrictService.LedgerSettings(Duration.ofMinutes(5), Duration.ofMinutes(10), Optional.empty()),
                Clock.fixed(NOW, ZoneOffset.UTC), new RecordStore(TYPES, RecordSinks.of(List.of(sink))));
    }

    @AfterEach
    void closeService() {
        service.close();
    }

    private static WireRecord record(UUID id, RecordKind kind, long seq, int revision, String text) {
        return new WireRecord(id, kind, seq, revision, NOW.minusSeconds(60), Wire.parseTree(
                "{\"kind\":\"" + kind + "\",\"text\":\"" + text + "\"}"));
    }

    private RecordBatch send(Topics from, WireRecord... records) {
        RecordBatch batch = RecordBatch.of(from.district(), from.station(), NOW, List.of(records));
        service.handle(from.topic(Topics.Kind.RECORDS), Wire.encode(batch));
        return batch;
    }

    private RecordAck lastAck() {
        assertEquals(STATION.topic(Topics.Kind.RECORDS_ACK), topics.getLast());
        return Wire.decode(payloads.getLast(), RecordAck.class);
    }

    private static String heldBody(UUID id) throws SQLException {
        try (Connection c = DB.database().connection();
             PreparedStatement ps = c.prepareStatement("SELECT revision || ' ' || (body->>'text') FROM station_record"
                     + " WHERE record_uuid = ?::uuid")) {
            ps.setString(1, id.toString());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void aBatchSentTwiceIsStoredOnceProjectedOnceAndAckedBothTimes() throws Exception {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        RecordBatch first = send(STATION, record(a, RecordKind.SUPPLY, 1, 1, "gloves +20"), record(b, RecordKind.SUPPLY, 2, 1, "hats +5"));
        RecordAck ack = lastAck();
        assertEquals(first.batchId(), ack.batchId());
        assertEquals(RecordKind.SUPPLY, ack.kind());
        assertEquals(List.of(new RecordAck.Stored(a, 1), new RecordAck.Stored(b, 1)), ack.stored());
        assertEquals(NOW, ack.storedAt());
        send(STATION, record(a, RecordKind.SUPPLY, 1, 1, "gloves +20"), record(b, RecordKind.SUPPLY, 2, 1, "hats +5"));
        assertEquals(List.of(new RecordAck.Stored(a, 1), new RecordAck.Stored(b, 1)), lastAck().stored(), "duplicates acked");
        assertEquals(2, projected.size(), "duplicates not projected again: " + projected);
        assertEquals("1 gloves +20", heldBody(a));
    }

    @Test
    void aNewerRevisionReplacesTheBodyAndAnOlderOneIsAckedWithTheRevisionHeld() throws Exception {
        UUID a = UUID.randomUUID();
        send(STATION, record(a, RecordKind.SUPPLY, 1, 1, "gloves +20"));
        send(STATION, record(a, RecordKind.SUPPLY, 1, 2, "gloves +19"));
        assertEquals(List.of(new RecordAck.Stored(a, 2)), lastAck().stored());
        send(STATION, record(a, RecordKind.SUPPLY, 1, 1, "gloves +20")); // a late resend of revision 1
        assertEquals(List.of(new RecordAck.Stored(a, 2)), lastAck().stored());
        assertEquals("2 gloves +19", heldBody(a));
        assertEquals(2, projected.size(), "revision 1 and 2 projected, the late resend not: " + projected);
        assertTrue(projected.getLast().endsWith("r2 gloves +19"), projected.toString());
    }

    @Test
    void aFailingSinkRollsBackTheWholeBatchAndNothingIsAcked() throws Exception {
        UUID ok = UUID.randomUUID();
        send(STATION, record(ok, RecordKind.SUPPLY, 1, 1, "masks +50"), record(UUID.randomUUID(), RecordKind.SUPPLY, 2, 1, "fail"));
        assertEquals(List.of(), topics, "no ack");
        assertEquals(null, heldBody(ok), "the record before the failing one is rolled back too");
        send(STATION, record(ok, RecordKind.SUPPLY, 1, 1, "masks +50"));
        assertEquals(List.of(new RecordAck.Stored(ok, 1)), lastAck().stored(), "the service goes on");
    }

    @Test
    void badRecordsAreLeftOutOfTheAckAndBadPayloadsAreDroppedWithoutCrashing() throws Exception {
        UUID good = UUID.randomUUID();
        UUID invalid = UUID.randomUUID();
        send(STATION, record(good, RecordKind.RATING, 1, 1, "good"), record(invalid, RecordKind.RATING, 2, 1, " "));
        assertEquals(List.of(new RecordAck.Stored(good, 1)), lastAck().stored(), "invalid body: not acked, the station keeps it");
        int acks = topics.size();
        send(STATION, record(UUID.randomUUID(), RecordKind.LOAN, 1, 1, "umbrella"));
        assertEquals(acks, topics.size(), "a kind without a body type here: nothing stored, nothing acked");
        service.handle(STATION.topic(Topics.Kind.RECORDS), "{\"schema\":\"ws.records/1\"".getBytes(StandardCharsets.UTF_8));
        service.handle(STATION.topic(Topics.Kind.RECORDS), Wire.encode(RecordBatch.of(DISTRICT, "rec-b", NOW,
                List.of(record(UUID.randomUUID(), RecordKind.RATING, 1, 1, "other station's payload")))));
        assertEquals(acks, topics.size(), "malformed, and a payload naming another station than its topic: dropped");
        Topics other = new Topics(DISTRICT, "rec-b");
        service.handle(other.topic(Topics.Kind.RECORDS), Wire.encode(RecordBatch.of(DISTRICT, "rec-b", NOW,
                List.of(record(good, RecordKind.RATING, 1, 2, "reused uuid")))));
        assertEquals(acks, topics.size(), "a uuid held for another station is neither replaced nor acked");
        assertEquals("1 good", heldBody(good));
    }
}
