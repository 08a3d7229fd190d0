package org.warmstation.district.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.warmstation.district.console.testing.ConsoleExtension;
import org.warmstation.district.console.testing.ConsoleHttp;
import org.warmstation.district.console.testing.DatabaseFingerprint;
import org.warmstation.district.db.VisitQuarantine;
import org.warmstation.district.enroll.EnrollmentStore;
import org.warmstation.mqtt.MosquittoPasswordLine;
import org.warmstation.protocol.enroll.EnrollmentRegister;
import org.warmstation.protocol.wire.EnrollReply;
import org.warmstation.protocol.wire.EnrollRequest;
import org.warmstation.protocol.wire.EnrollTopics;

/**
 * The console's operations pages over HTTP: {@code /quarantine} (analysts; newest first, station,
 * epoch, seq, when, reason, never the card id of the stored payload; the count on the overview)
 * and {@code /enrollment} (admins only; codes per station used/expired/valid, refused attempts
 * newest first). GETs of both write nothing.
 */
class ConsoleOpsHttpTest {
    /** 2026-12-06 09:00 in Asia/Shanghai, the console's zone. */
    private static final Instant NOW = Instant.parse("2026-12-06T01:00:00Z");
    private static final UUID EPOCH = UUID.fromString("5f0c8a2e-1b7d-4c3e-9a61-2d4b8e7f9a10");
    private static final String CARD = "87654321";
    private static final String MEMBER = "abcdef0123456789";
    private static final String USED = "00000000000000a1";
    private static final String EXPIRED = "00000000000000a2";
    private static final String VALID = "00000000000000b1";

    @RegisterExtension
    static final ConsoleExtension console = new ConsoleExtension().withSetup(db -> {
        int d = ConsoleExtension.DISTRICT;
        VisitQuarantine q = new VisitQuarantine();
        EnrollmentStore store = new EnrollmentStore();
        try (Connection c = db.connection()) {
            String refusal; // a real PostgreSQL refusal quoting the failing row
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TEMP TABLE refusing (member text, serial bigint CHECK (serial < 0))");
                st.execute("INSERT INTO refusing VALUES ('" + MEMBER + "', " + CARD + ")");
                throw new AssertionError("the insert should have been refused");
            } catch (SQLException e) {
                refusal = "refused by the database: " + e.getMessage();
                assertTrue(refusal.contains(MEMBER) && refusal.contains(CARD), "the message quotes the row: " + refusal);
            }
            q.quarantine(c, d, "CY-0042", EPOCH, UUID.randomUUID(), List.of(
                    new VisitQuarantine.Rejected(UUID.randomUUID(), 5L, "{\"card\":\"" + CARD + "\",\"seq\":5}",
                            "refused by the database: value too long"),
                    new VisitQuarantine.Rejected(UUID.randomUUID(), 7L, "{\"card\":\"" + CARD + "\",\"seq\":7}",
                            "refused by the database: duplicate key"),
                    new VisitQuarantine.Rejected(UUID.randomUUID(), 9L, "{\"card\":\"" + CARD + "\",\"seq\":9}", refusal)));
            q.quarantine(c, d, "CY-0007", null, UUID.randomUUID(), List.of(
                    new VisitQuarantine.Rejected(null, null, "{not json", "unreadable visit")));
            q.quarantine(c, d + 1, "OTHER-1", null, UUID.randomUUID(), List.of(
                    new VisitQuarantine.Rejected(UUID.randomUUID(), 1L, "{}", "another district's")));
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE visit_quarantine SET quarantined_at = ? WHERE coalesce(seq, 0) = ?")) {
                for (long[] seqMinutes : new long[][] {{5, 120}, {7, 60}, {0, 30}, {9, 10}}) {
                    ps.setTimestamp(1, Timestamp.from(NOW.minus(Duration.ofMinutes(seqMinutes[1]))));
                    ps.setLong(2, seqMinutes[0]);
                    ps.executeUpdate();
                }
            }
            Instant registered = NOW.minus(Duration.ofDays(3));
            store.register(c, register(USED, "CY-0042", NOW.plus(Duration.ofDays(1))), registered);
            store.register(c, register(EXPIRED, "CY-0042", NOW.minus(Duration.ofDays(1))), registered);
            store.register(c, register(VALID, "CY-0007", NOW.plus(Duration.ofDays(2))), registered);
            EnrollRequest first = request("CY-0042", USED, "term-one");
            assertTrue(store.decide(c, d, first, NOW.minus(Duration.ofHours(2))).isEmpty(), "first use accepted");
            store.refuse(c, d, request("CY-0042", USED, "term-two"), EnrollReply.Refusal.ALREADY_USED,
                    NOW.minus(Duration.ofMinutes(40)));
            store.refuse(c, d, request("CY-0099", "00000000000000ff", "term-three"), EnrollReply.Refusal.UNKNOWN_CODE,
                    NOW.minus(Duration.ofMinutes(10)));
        }
    });

    private static EnrollmentRegister register(String code, String station, Instant expires) {
        return new EnrollmentRegister(code, ConsoleExtension.DISTRICT, station, expires,
                MosquittoPasswordLine.of(EnrollTopics.account(station), "enroll-credential".toCharArray()));
    }

    private static EnrollRequest request(String station, String code, String terminal) {
        return new EnrollRequest(EnrollRequest.SCHEMA, ConsoleExtension.DISTRICT, station, code, terminal, null, null,
                "0.1.0", NOW);
    }

    @BeforeEach
    void atNow() {
        console.clock().set(NOW);
    }

    private static List<String> rows(String page, String trClass) {
        Matcher m = Pattern.compile("<tr class=\"" + trClass + "\"(.*?)</tr>", Pattern.DOTALL).matcher(page);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1).replaceAll("\\s+", " "));
        }
        return out;
    }

    private static String row(String page, String id) {
        Matcher m = Pattern.compile("<tr id=\"" + id + "\"(.*?)</tr>", Pattern.DOTALL).matcher(page);
        assertTrue(m.find(), "no row " + id + " in " + page);
        return m.group(1).replaceAll("\\s+", " ");
    }

    @Test
    void quarantinePageListsTheDistrictsVisitsNewestFirstWithoutCardIds() throws Exception {
        for (String user : List.of(ConsoleExtension.ANALYST, ConsoleExtension.ADMIN)) {
            ConsoleHttp http = console.loggedIn(user, user.equals(ConsoleExtension.ADMIN)
                    ? ConsoleExtension.ADMIN_PASSWORD : ConsoleExtension.ANALYST_PASSWORD);
            ConsoleHttp.Response r = http.get("/quarantine?lang=en");
            assertEquals(200, r.status(), user);
            List<String> rows = rows(r.body(), "quarantined");
            assertEquals(4, rows.size(), "this district's four, not another district's: " + rows);
            String refused = rows.removeFirst();
            assertTrue(refused.contains("data-seq=\"9\"") && refused.contains("violates check constraint"), refused);
            assertFalse(refused.contains(MEMBER) || refused.contains("Failing row"), "no row detail: " + refused);
            assertTrue(rows.get(0).contains("data-station=\"CY-0007\"") && rows.get(0).contains("2026-12-06 08:30:00")
                    && rows.get(0).contains("(none)") && rows.get(0).contains(">?<") && rows.get(0).contains("unreadable visit"),
                    rows.get(0));
            assertTrue(rows.get(1).contains("data-seq=\"7\"") && rows.get(1).contains(EPOCH.toString())
                    && rows.get(1).contains("2026-12-06 08:00:00") && rows.get(1).contains("duplicate key"), rows.get(1));
            assertTrue(rows.get(2).contains("data-seq=\"5\"") && rows.get(2).contains("CY-0042")
                    && rows.get(2).contains("value too long"), rows.get(2));
            assertTrue(r.body().contains("4 visits quarantined"), r.body());
            assertFalse(r.body().contains(CARD) || r.body().contains(MEMBER), user + " sees no card or member id");
            assertFalse(r.body().contains("another district"), user);

            String overview = http.get("/?lang=zh").body();
            assertTrue(overview.contains("id=\"overview-quarantined\""), overview);
            assertTrue(overview.contains("4 条到访记录无法入库") && overview.contains("href=\"/quarantine\""), overview);
        }
        String zh = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD).get("/quarantine?lang=zh").body();
        assertTrue(zh.contains("隔离的到访记录") && zh.contains("隔离时间") && zh.contains("（无）"), zh);
    }

    @Test
    void reasonsAreShownWithoutMemberOrCardIds() {
        assertEquals("invalid: cardSerial must be 1..2^32-1 for a card visit, 0 for a guest: …", QuarantinePage.redacted(
                "invalid: cardSerial must be 1..2^32-1 for a card visit, 0 for a guest: " + CARD));
        assertEquals("invalid: memberId … rejected", QuarantinePage.redacted("invalid: memberId " + MEMBER + " rejected"));
        assertEquals("refused by the database: ERROR: value too long for type character varying(16)", QuarantinePage.redacted(
                "refused by the database: ERROR: value too long for type character varying(16)\n  Where: " + MEMBER));
    }

    @Test
    void enrollmentPageShowsCodesPerStationAndRefusalsNewestFirst() throws Exception {
        ConsoleHttp admin = console.loggedIn(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
        ConsoleHttp.Response r = admin.get("/enrollment?lang=en");
        assertEquals(200, r.status());
        String page = r.body();
        String used = row(page, "code-" + USED);
        assertTrue(used.contains("data-state=\"used\"") && used.contains("used by terminal term-one at 2026-12-06 07:00"), used);
        assertTrue(used.contains("2026-12-03 09:00"), "registered: " + used);
        String expired = row(page, "code-" + EXPIRED);
        assertTrue(expired.contains("data-state=\"expired\"") && expired.contains("expired, unused")
                && expired.contains("2026-12-05 09:00"), expired);
        String valid = row(page, "code-" + VALID);
        assertTrue(valid.contains("data-state=\"valid\"") && valid.contains("not used yet") && valid.contains("CY-0007"), valid);
        assertTrue(page.indexOf("code-" + VALID) < page.indexOf("code-" + USED), "grouped by station: CY-0007 first");

        List<String> refusals = rows(page, "refusal");
        assertEquals(2, refusals.size(), refusals.toString());
        assertTrue(refusals.get(0).contains("data-station=\"CY-0099\"") && refusals.get(0).contains("term-three")
                && refusals.get(0).contains("unknown code for this station") && refusals.get(0).contains("2026-12-06 08:50"),
                refusals.get(0));
        assertTrue(refusals.get(1).contains("data-reason=\"ALREADY_USED\"") && refusals.get(1).contains("term-two")
                && refusals.get(1).contains("code already used") && refusals.get(1).contains("2026-12-06 08:20"),
                refusals.get(1));
        assertTrue(page.contains("id=\"nav-enrollment\""), "admins get the tab");

        String zh = admin.get("/enrollment?lang=zh").body();
        assertTrue(zh.contains("已由终端 term-one 于 2026-12-06 07:00 使用") && zh.contains("已过期，未使用")
                && zh.contains("注册码已被使用"), zh);
    }

    @Test
    void enrollmentPageFiltersToOneStation() throws Exception {
        ConsoleHttp admin = console.loggedIn(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
        String page = admin.get("/enrollment?lang=en&station=CY-0042").body();

        assertTrue(page.contains("code-" + USED) && page.contains("code-" + EXPIRED), "CY-0042's codes");
        assertFalse(page.contains("code-" + VALID), "not CY-0007's");
        List<String> refusals = rows(page, "refusal");
        assertEquals(1, refusals.size(), refusals.toString());
        assertTrue(refusals.getFirst().contains("data-station=\"CY-0042\""), refusals.getFirst());
        assertTrue(page.contains("value=\"CY-0042\"") && page.contains("id=\"enrollment-all\""), "the filter shows itself");

        String none = admin.get("/enrollment?lang=en&station=%3Cb%3ECY-9999").body();
        assertTrue(none.contains("id=\"enrollment-codes-empty\"") && none.contains("id=\"enrollment-refusals-empty\""));
        assertFalse(none.contains("<b>CY-9999"), "the station typed is escaped");
    }

    @Test
    void enrollmentPageIsForAdminsOnly() throws Exception {
        ConsoleHttp analyst = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        ConsoleHttp.Response r = analyst.get("/enrollment?lang=en");
        assertEquals(403, r.status());
        assertFalse(r.body().contains(USED), "no code shown to an analyst");
        assertFalse(analyst.get("/quarantine").body().contains("id=\"nav-enrollment\""), "no tab for analysts");
        ConsoleHttp.Response anonymous = console.http().get("/enrollment");
        assertEquals(303, anonymous.status());
        assertTrue(anonymous.location().orElse("").startsWith("/login?next="), anonymous.location().toString());
        assertEquals(303, console.http().get("/quarantine").status(), "quarantine needs a login too");
    }

    @Test
    void opsPagesWriteNothing() throws Exception {
        ConsoleHttp admin = console.loggedIn(ConsoleExtension.ADMIN, ConsoleExtension.ADMIN_PASSWORD);
        ConsoleHttp analyst = console.loggedIn(ConsoleExtension.ANALYST, ConsoleExtension.ANALYST_PASSWORD);
        Map<String, String> before = DatabaseFingerprint.of(console.database());
        for (ConsoleHttp h : List.of(admin, analyst)) {
            for (String path : List.of("/quarantine", "/quarantine?lang=zh", "/enrollment", "/enrollment?lang=en", "/")) {
                assertTrue(h.get(path).status() < 500, path);
            }
        }
        assertEquals(before, DatabaseFingerprint.of(console.database()));
    }
}
