package org.warmstation.district.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.district.testing.DistrictDatabaseExtension;
import org.warmstation.mqtt.MosquittoPasswordFile;
import org.warmstation.mqtt.MosquittoPasswordLine;
import org.warmstation.protocol.enroll.EnrollmentRegister;
import org.warmstation.protocol.wire.EnrollReply;
import org.warmstation.protocol.wire.EnrollRequest;
import org.warmstation.protocol.wire.EnrollTopics;
import org.warmstation.protocol.wire.Wire;

/**
 * The district's enrollment desk on a real PostgreSQL (Flyway V12) and a real password file: the
 * first request of a registered code is accepted and recorded with the station's key and a new
 * password in the file (after which the broker is reloaded); every other case is refused with its
 * reason and recorded (decision 0181).
 */
class EnrollmentDeskTest {
    @RegisterExtension
    static final DistrictDatabaseExtension DB = new DistrictDatabaseExtension("enrollment_code", "enrollment_refusal");
    private static final int DISTRICT = 110105;
    private static final Instant NOW = Instant.parse("2026-12-06T08:00:00Z");
    private static final String CODE = "0123456789abcdef";

    @TempDir
    Path dir;
    private final List<EnrollReply> replies = new ArrayList<>();
    private final AtomicInteger reloads = new AtomicInteger();
    private MosquittoPasswordFile passwd;
    private EnrollmentDesk desk;

    @BeforeEach
    void desk() throws Exception {
        passwd = new MosquittoPasswordFile(dir.resolve("passwd"));
        passwd.put("district-a", "district-secret".toCharArray());
        BrokerCredentials credentials = new BrokerCredentials(passwd, reloads::incrementAndGet);
        desk = new EnrollmentDesk(DB.database(), DISTRICT, credentials, (topic, payload) -> {
            assertTrue(topic.endsWith("/enroll-reply"), topic);
            replies.add(Wire.decode(payload, EnrollReply.class));
        }, Clock.fixed(NOW, ZoneOffset.UTC), EnrollmentDesk.Listener.NONE);
        try (Connection c = DB.database().connection()) {
            new EnrollmentStore().register(c, new EnrollmentRegister(CODE, DISTRICT, "CY-0042", NOW.plusSeconds(3600),
                    MosquittoPasswordLine.of(EnrollTopics.account("CY-0042"), "enroll-credential".toCharArray())), NOW);
        }
    }

    private EnrollReply ask(String account, String station, String code, String terminal) {
        EnrollRequest r = new EnrollRequest(EnrollRequest.SCHEMA, DISTRICT, station, code, terminal, "MCowBQYDK2VwAyEA",
                "epoch-1", "0.1.0", NOW);
        assertTrue(desk.handle(EnrollTopics.request(DISTRICT, account), Wire.encode(r)));
        return replies.getLast();
    }

    private List<EnrollmentStore.Refusal> refusals() throws Exception {
        try (Connection c = DB.database().connection()) {
            return new EnrollmentStore().refusals(c, DISTRICT, "CY-0042");
        }
    }

    @Test
    void firstRequestGetsANewPasswordInTheBrokerFileAndIsRecorded() throws Exception {
        EnrollReply r = ask("CY-0042", "CY-0042", CODE, "terminal-a");
        assertEquals(EnrollReply.Outcome.ACCEPTED, r.outcome());
        assertEquals(24, r.password().length());
        assertTrue(passwd.contains("CY-0042") && passwd.contains("district-a"), Files.readString(passwd.file()));
        assertFalse(Files.readString(passwd.file()).contains(r.password()), "only its hash");
        assertEquals(1, reloads.get(), "the broker reloaded before the reply");
        try (Connection c = DB.database().connection()) {
            var use = new EnrollmentStore().use(c, CODE).orElseThrow();
            assertEquals("terminal-a", use.terminalId());
            assertEquals("MCowBQYDK2VwAyEA", use.stationKey());
            assertEquals("epoch-1", use.epochId());
        }
        // the same terminal whose reply was lost asks again: a new password, still its code
        EnrollReply again = ask("CY-0042", "CY-0042", CODE, "terminal-a");
        assertEquals(EnrollReply.Outcome.ACCEPTED, again.outcome());
        assertNotEquals(r.password(), again.password());
        assertEquals(List.of(), refusals());
    }

    @Test
    void secondTerminalWithTheSameCodeIsRefusedAndRecorded() throws Exception {
        ask("CY-0042", "CY-0042", CODE, "terminal-a");
        String before = Files.readString(passwd.file());
        EnrollReply r = ask("CY-0042", "CY-0042", CODE, "terminal-b");
        assertEquals(EnrollReply.Refusal.ALREADY_USED, r.reason());
        assertEquals(null, r.password());
        assertEquals(before, Files.readString(passwd.file()), "the station's password is untouched");
        var refused = refusals();
        assertEquals(1, refused.size());
        assertEquals("terminal-b", refused.getFirst().terminalId());
    }

    @Test
    void unknownExpiredAndForeignAccountRequestsAreRefusedWithTheirReason() throws Exception {
        assertEquals(EnrollReply.Refusal.UNKNOWN_CODE, ask("CY-0042", "CY-0042", "fedcba9876543210", "t").reason());
        assertEquals(EnrollReply.Refusal.WRONG_ACCOUNT, ask("CY-0001", "CY-0042", CODE, "t").reason());
        try (Connection c = DB.database().connection()) {
            new EnrollmentStore().register(c, new EnrollmentRegister("00000000000000aa", DISTRICT, "CY-0042",
                    NOW.minusSeconds(1), MosquittoPasswordLine.of("enroll.CY-0042", "x".toCharArray())), NOW);
        }
        assertEquals(EnrollReply.Refusal.EXPIRED, ask("CY-0042", "CY-0042", "00000000000000aa", "t").reason());
        assertEquals(3, refusals().size());
        assertFalse(passwd.contains("CY-0042"), "no station password was set");
        assertEquals(0, reloads.get());
    }

    @Test
    void stationTopicsAndGarbageAreNotTheDesks() {
        assertFalse(desk.handle("ws/v1/110105/CY-0042/visits", new byte[0]));
        assertTrue(desk.handle(EnrollTopics.request(DISTRICT, "CY-0042"), "{".getBytes()), "dropped, not thrown");
        assertEquals(List.of(), replies);
    }

    @Test
    void enrollmentAccountsOfExpiredCodesAreRemovedFromThePasswordFile() throws Exception {
        passwd.putLine(MosquittoPasswordLine.of(EnrollTopics.account("CY-0042"), "enroll-credential".toCharArray()));
        passwd.putLine(MosquittoPasswordLine.of(EnrollTopics.account("CY-0007"), "old-credential".toCharArray()));
        try (Connection c = DB.database().connection()) {
            new EnrollmentStore().register(c, new EnrollmentRegister("00000000000000bb", DISTRICT, "CY-0007",
                    NOW.minusSeconds(60), MosquittoPasswordLine.of("enroll.CY-0007", "x".toCharArray())), NOW.minusSeconds(7200));
        }
        assertEquals(1, desk.sweepExpiredAccounts());
        assertFalse(passwd.contains("enroll.CY-0007"), "the expired code's account is gone");
        assertTrue(passwd.contains("enroll.CY-0042") && passwd.contains("district-a"), "the rest is kept");
        assertEquals(1, reloads.get());
        assertEquals(0, desk.sweepExpiredAccounts(), "nothing more to remove, no further reload");
        assertEquals(1, reloads.get());
    }
}
