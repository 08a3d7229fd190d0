package org.warmstation.district.cards;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.DistrictServerCli;
import org.warmstation.district.db.DistrictDatabase;
import org.warmstation.district.db.VisitStore;
import org.warmstation.district.downlink.DownlinkRecord;
import org.warmstation.district.downlink.DownlinkSender;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.VisitBatch;
import org.warmstation.protocol.wire.WireVisit;
import picocli.CommandLine;

/**
 * {@code district-server card revoke|list-revoked|register} over an embedded PostgreSQL: a known
 * card makes deny-list version N+1 queued for every station, offline ones included; bad input is
 * refused with a clear message and a non-zero exit code.
 */
class CardRevokeCommandTest {
    private static final int DISTRICT = 110105;
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @TempDir
    static Path dir;
    private static DistrictDatabase db;

    private record Run(int code, String out, String err) {
    }

    @BeforeAll
    static void fill() throws Exception {
        db = DistrictDatabase.open(Optional.empty(), dir.resolve("pg"));
        try (Connection c = db.connection()) {
            VisitStore store = new VisitStore();
            store.store(c, VisitBatch.of(DISTRICT, "rv-1", Instant.now(), List.of(visit(1, 501), visit(2, 502))));
            store.store(c, VisitBatch.of(DISTRICT, "rv-2", Instant.now(), List.of(visit(1, 503))));
            c.createStatement().execute("UPDATE station SET status = 'OFFLINE' WHERE station_id = 'rv-2'");
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static WireVisit visit(long seq, long serial) {
        return new WireVisit(UUID.randomUUID(), seq, 1, Instant.now(), BEIJING.getId(), "00000000000000a" + seq, serial,
                "COURIER", List.of("HOT_WATER"), "CARD", true, 1000);
    }

    private static Run run(String... args) {
        CommandLine cl = DistrictServerCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--jdbc-url", db.url(), "--district", String.valueOf(DISTRICT)}, 0, all,
                args.length, 4);
        return new Run(cl.execute(all), out.toString(), err.toString());
    }

    @Test
    void revokingASeenCardMakesTheNextDenyListVersionForEveryStationOfflineOnesIncluded() throws Exception {
        long before = new CardRevocations(db, DISTRICT).currentVersion();
        Run r = run("card", "revoke", "501", "--reason", "lost", "--by", "tester");
        assertEquals(0, r.code(), r.err());
        long version = before + 1;
        assertTrue(r.out().contains("deny-list version " + version + " queued for 2 station(s)"), r.out());

        DownlinkSender sender = new DownlinkSender(db, DISTRICT);
        for (String station : List.of("rv-1", "rv-2")) {
            DownlinkRecord newest = sender.history(station, 1).getFirst();
            assertEquals(DownlinkCommand.Kind.DENY_LIST, newest.kind());
            assertEquals(version, newest.listVersion());
            assertEquals("tester", newest.queuedBy());
        }
        Run list = run("card", "list-revoked");
        assertEquals(0, list.code(), list.err());
        assertTrue(list.out().contains("deny-list version " + version), list.out());
        assertTrue(list.out().contains("501\tlost\t"), list.out());
    }

    @Test
    void eachRevocationRaisesTheVersionAndTheListHoldsEveryRevokedCard() throws Exception {
        CardRevocations cards = new CardRevocations(db, DISTRICT);
        long v1 = cards.revoke(502, RevocationReason.STOLEN, "t", Instant.now()).version();
        long v2 = cards.revoke(503, RevocationReason.LEFT_UNION, "t", Instant.now()).version();
        assertEquals(v1 + 1, v2);
        try (Connection c = db.connection(); var ps = c.prepareStatement(
                "SELECT body FROM card_list WHERE district_id = ? AND kind = 'DENY' AND version = ?")) {
            ps.setInt(1, DISTRICT);
            ps.setLong(2, v2);
            try (var rs = ps.executeQuery()) {
                assertTrue(rs.next());
                DenyList list = DenyList.parse(rs.getString(1));
                assertEquals(v2, list.version());
                assertTrue(list.size() >= 2, "both revoked cards are on the newest list");
            }
        }
    }

    @Test
    void unknownSerialIsRefusedWithAClearMessageAndNothingIsQueued() throws Exception {
        long before = new CardRevocations(db, DISTRICT).currentVersion();
        Run r = run("card", "revoke", "999999", "--reason", "lost");
        assertNotEquals(0, r.code());
        assertTrue(r.err().contains("card 999999 is unknown to district 110105"), r.err());
        assertEquals(before, new CardRevocations(db, DISTRICT).currentVersion());
    }

    @Test
    void badReasonAndAlreadyRevokedAreRefused() {
        Run bad = run("card", "revoke", "501", "--reason", "broken");
        assertNotEquals(0, bad.code());
        assertTrue(bad.err().contains("unknown reason 'broken': use lost, stolen or left-union"), bad.err());
        Run notANumber = run("card", "revoke", "abc", "--reason", "lost");
        assertEquals(2, notANumber.code(), "usage error");

        run("card", "revoke", "501", "--reason", "lost");
        Run again = run("card", "revoke", "501", "--reason", "lost");
        assertNotEquals(0, again.code());
        assertTrue(again.err().contains("card 501 is already revoked"), again.err());
    }

    @Test
    void trustListPushQueuesANewerVersionForEveryStationAndRefusesAnOlderOne() throws Exception {
        org.warmstation.protocol.card.DistrictKey card = org.warmstation.protocol.card.DistrictKey.generate(DISTRICT);
        org.warmstation.protocol.card.DistrictKey downlink = org.warmstation.protocol.card.DistrictKey.generate(DISTRICT);
        org.warmstation.protocol.card.TrustList list = new org.warmstation.protocol.card.TrustList(Instant.now(), List.of(
                card.trustedKey(java.util.EnumSet.of(org.warmstation.protocol.card.KeyPurpose.CARD,
                        org.warmstation.protocol.card.KeyPurpose.ENROLLMENT)),
                downlink.trustedKey(java.util.EnumSet.of(org.warmstation.protocol.card.KeyPurpose.DOWNLINK))), 5);
        Path file = dir.resolve("trust-list.txt");
        Files.writeString(file, list.format());
        Run r = run("trust-list", "push", file.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("trust list version 5 (2 keys) queued for 2 station(s)"), r.out());
        DownlinkRecord newest = new DownlinkSender(db, DISTRICT).history("rv-2", 1).getFirst();
        assertEquals(DownlinkCommand.Kind.TRUST_LIST, newest.kind());
        assertEquals(5L, newest.listVersion());

        Run again = run("trust-list", "push", file.toString());
        assertNotEquals(0, again.code());
        assertTrue(again.err().contains("trust list version 5 is not newer than version 5"), again.err());
        Files.writeString(file, new org.warmstation.protocol.card.TrustList(Instant.now(), List.of(card.trustedKey(
                java.util.EnumSet.of(org.warmstation.protocol.card.KeyPurpose.CARD))), 6).format());
        Run noDownlinkKey = run("trust-list", "push", file.toString());
        assertNotEquals(0, noDownlinkKey.code());
        assertTrue(noDownlinkKey.err().contains("holds no enrollment key"), noDownlinkKey.err());
    }

    @Test
    void aRegisteredCardNeverSeenInAVisitCanBeRevoked() throws Exception {
        Path csv = dir.resolve("issued-cards.csv");
        Files.writeString(csv, "serial,member_id,category,valid_from,valid_until,issued_at\n"
                + "7001,00000000000000b1,COURIER,2026-01-01,2027-12-31,2026-01-01T00:00:00Z\n");
        Run reg = run("card", "register", csv.toString());
        assertEquals(0, reg.code(), reg.err());
        assertTrue(reg.out().contains("1 serial(s) read, 1 new"), reg.out());
        Run r = run("card", "revoke", "7001", "--reason", "left-union");
        assertEquals(0, r.code(), r.err());
    }
}
