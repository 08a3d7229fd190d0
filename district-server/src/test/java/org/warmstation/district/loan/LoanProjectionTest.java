package org.warmstation.district.loan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.testing.DistrictDatabaseExtension;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.LoanStatuses;
import org.warmstation.protocol.wire.RecordTypes;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.protocol.wire.WireLoan;
import org.warmstation.protocol.wire.WireRecord;

/**
 * The district matches returns to loans (a real, embedded PostgreSQL): a return at another
 * station, out of order, oldest open loan first, a return of a loan already returned refused,
 * a record delivered twice applied once; the lending station's LOANS downlink queued in the
 * same transaction.
 */
class LoanProjectionTest {
    private static final int DISTRICT = 110105;
    private static final Instant T = Instant.parse("2026-12-06T03:00:00Z");
    private static final String MEMBER = "00000000000000c2";
    private static final Topics A = new Topics(DISTRICT, "loan-a");
    private static final Topics B = new Topics(DISTRICT, "loan-b");
    private static final Topics C = new Topics(DISTRICT, "loan-c");

    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension("loan", "loan_return", "downlink");
    private final LoanProjection sink = new LoanProjection(Clock.fixed(T.plusSeconds(86_400), ZoneOffset.UTC));

    private UUID project(Topics station, WireLoan body) throws SQLException {
        return project(station, UUID.randomUUID(), body);
    }

    private UUID project(Topics station, UUID uuid, WireLoan body) throws SQLException {
        WireRecord r = RecordTypes.standard().record(uuid, 1, 1, body.at(), body);
        try (Connection c = DB.database().connection()) {
            c.setAutoCommit(false);
            sink.stored(c, station, r, body);
            c.commit();
        }
        return uuid;
    }

    private static WireLoan lent(UUID id, String item, int minute) {
        return new WireLoan("LENT", id, item, MEMBER, T.plusSeconds(60L * minute));
    }

    private static WireLoan returnedElsewhere(String item, int minute) {
        return new WireLoan("RETURNED", null, item, MEMBER, T.plusSeconds(60L * minute));
    }

    private static String returnedStation(UUID loan) throws SQLException {
        try (Connection c = DB.database().connection();
             PreparedStatement ps = c.prepareStatement("SELECT returned_station FROM loan WHERE loan_id = ?")) {
            ps.setObject(1, loan);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static List<DownlinkCommand> downlinks() throws SQLException {
        List<DownlinkCommand> out = new ArrayList<>();
        try (Connection c = DB.database().connection();
             PreparedStatement ps = c.prepareStatement("SELECT command FROM downlink ORDER BY id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(Wire.decode(rs.getBytes(1), DownlinkCommand.class));
                }
            }
        }
        return out;
    }

    @Test
    void anUmbrellaLentAtAAndReturnedAtBIsClosedAndAHearsOfIt() throws SQLException {
        UUID loan = UUID.randomUUID();
        project(A, lent(loan, "UMBRELLA", 0));
        assertEquals(List.of(), downlinks(), "nothing to tell while it is out");
        project(B, returnedElsewhere("UMBRELLA", 90));
        assertEquals("loan-b", returnedStation(loan));
        List<DownlinkCommand> sent = downlinks();
        assertEquals(1, sent.size());
        DownlinkCommand cmd = sent.getFirst();
        assertEquals(DownlinkCommand.Kind.LOANS, cmd.kind());
        assertEquals("loan-a", cmd.station());
        LoanStatuses.Entry e = cmd.loans().loans().getFirst();
        assertEquals(loan, e.loanId());
        assertEquals(T.plusSeconds(90 * 60), e.returnedAt());
        assertEquals("loan-b", e.returnedStation());
    }

    @Test
    void aReturnThatArrivesBeforeItsLoanClosesItWhenTheLoanArrives() throws SQLException {
        project(B, returnedElsewhere("RAINCOAT", 30));
        UUID loan = UUID.randomUUID();
        project(A, lent(loan, "RAINCOAT", 0));
        assertEquals("loan-b", returnedStation(loan));
        assertEquals(1, downlinks().size());
        UUID named = UUID.randomUUID();
        project(A, new WireLoan("RETURNED", named, "POWER_BANK", null, T.plusSeconds(600)));
        project(A, new WireLoan("LENT", named, "POWER_BANK", null, T));
        assertEquals("loan-a", returnedStation(named), "a guest's return naming its loan, out of order");
    }

    @Test
    void theOldestOpenLoanOfTheMemberAndItemIsClosedFirst() throws SQLException {
        UUID older = UUID.randomUUID();
        UUID newer = UUID.randomUUID();
        project(C, lent(newer, "UMBRELLA", 10));
        project(A, lent(older, "UMBRELLA", 0));
        project(B, returnedElsewhere("UMBRELLA", 60));
        assertEquals("loan-b", returnedStation(older));
        assertNull(returnedStation(newer));
        assertEquals("loan-a", downlinks().getFirst().station());
    }

    @Test
    void aReturnOfALoanAlreadyReturnedOrDeliveredTwiceIsAppliedOnce() throws SQLException {
        UUID loan = UUID.randomUUID();
        project(A, lent(loan, "UMBRELLA", 0));
        UUID first = project(A, new WireLoan("RETURNED", loan, "UMBRELLA", MEMBER, T.plusSeconds(600)));
        project(A, first, new WireLoan("RETURNED", loan, "UMBRELLA", MEMBER, T.plusSeconds(600)));
        UUID again = project(B, new WireLoan("RETURNED", loan, "UMBRELLA", MEMBER, T.plusSeconds(1200)));
        assertEquals("loan-a", returnedStation(loan), "the first return stands");
        assertEquals(1, downlinks().size());
        try (Connection c = DB.database().connection();
             PreparedStatement ps = c.prepareStatement("SELECT refused FROM loan_return WHERE return_uuid = ?")) {
            ps.setObject(1, again);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals("ALREADY_RETURNED", rs.getString(1));
            }
        }
        project(B, returnedElsewhere("UMBRELLA", 30));
        assertEquals(1, downlinks().size(), "a return elsewhere before any open loan waits, it closes nothing");
    }
}
