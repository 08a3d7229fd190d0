package org.warmstation.kiosk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.warmstation.kiosk.domain.CardFixture.BEIJING;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.warmstation.visitlog.store.SqliteVisitStore;
import org.warmstation.protocol.card.Base45;
import org.warmstation.protocol.card.CardToken;
import org.warmstation.protocol.card.DenyList;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.RejectionReason;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.domain.ManualStationClock;

/** Texts that are not acceptable cards never become visits and never make check-in throw. */
class CheckInRejectionTest {
    static final Instant NOW = Instant.parse("2026-11-21T00:30:00Z");

    @TempDir
    Path dataDir;

    final CardFixture cards = new CardFixture();
    SqliteVisitStore store;
    VisitService service;

    @BeforeEach
    void open() {
        store = new SqliteVisitStore(dataDir);
        DenyList deny = DenyList.empty().with(CardFixture.DISTRICT, 666);
        service = new VisitService(store, () -> cards.verifier(deny), new ManualStationClock(NOW), "s1", BEIJING);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private int visitCount() {
        return store.between(Instant.EPOCH, Instant.parse("3000-01-01T00:00:00Z")).size();
    }

    /** A text rejected for exactly this reason, made with real keys and signatures. */
    private String textRejectedFor(RejectionReason reason) {
        LocalDate from = CardFixture.VALID_FROM;
        LocalDate until = CardFixture.VALID_UNTIL;
        return switch (reason) {
            case NOT_A_MEMBER_CARD -> "https://u.wechat.com/EJmQ3xYz";
            case MALFORMED -> CardToken.PREFIX + "ABC";
            case UNKNOWN_KEY -> {
                DistrictKey stranger = DistrictKey.generate(CardFixture.DISTRICT);
                int unknownId = (cards.key.keyId() + 1) % 0x10000 == cards.otherDistrictKey.keyId()
                        ? (cards.key.keyId() + 2) % 0x10000 : (cards.key.keyId() + 1) % 0x10000;
                yield CardToken.sign(new MemberCard(CardFixture.DISTRICT, 1, CardFixture.memberId(1),
                        WorkerCategory.COURIER, from, until, unknownId), stranger.privateKey());
            }
            case BAD_SIGNATURE -> CardToken.sign(cards.card(1, 1, WorkerCategory.COURIER),
                    DistrictKey.generate(CardFixture.DISTRICT).privateKey());
            case OTHER_DISTRICT -> CardToken.sign(new MemberCard(CardFixture.OTHER_DISTRICT, 1, CardFixture.memberId(1),
                    WorkerCategory.COURIER, from, until, cards.otherDistrictKey.keyId()),
                    cards.otherDistrictKey.privateKey());
            case REVOKED -> cards.token(666, 1, WorkerCategory.COURIER);
            case NOT_YET_VALID -> cards.token(new MemberCard(CardFixture.DISTRICT, 1, CardFixture.memberId(1),
                    WorkerCategory.COURIER, LocalDate.of(2026, 11, 22), until, cards.key.keyId()));
            case EXPIRED -> cards.token(new MemberCard(CardFixture.DISTRICT, 1, CardFixture.memberId(1),
                    WorkerCategory.COURIER, from, LocalDate.of(2026, 11, 20), cards.key.keyId()));
        };
    }

    @ParameterizedTest
    @EnumSource(RejectionReason.class)
    void everyRejectionReasonLeavesNoVisit(RejectionReason reason) {
        CheckInResult result = service.checkIn(textRejectedFor(reason));
        assertEquals(new CheckInResult.Rejected(reason), result);
        assertEquals(0, visitCount());
    }

    @Test
    void validCardStillPassesAfterRejections() {
        for (RejectionReason r : RejectionReason.values()) {
            service.checkIn(textRejectedFor(r));
        }
        assertInstanceOf(CheckInResult.Welcome.class, service.checkIn(cards.token(5, 5, WorkerCategory.COURIER)));
        assertEquals(1, visitCount());
    }

    static Stream<String> hostileTexts() {
        byte[] invalidUtf8 = {'W', 'S', 'M', ':', (byte) 0xff, (byte) 0xfe, (byte) 0xc3, (byte) 0x28, (byte) 0xa0, (byte) 0xa1};
        String replacement = new String(invalidUtf8, StandardCharsets.UTF_8);
        return Stream.of(
                null, "", " ", "\n", "WSM:", "wsm:" + "A".repeat(131),
                "https://example.com/?q=WSM:" + "A".repeat(200),
                "http://192.168.1.1/login?next=javascript:alert(1)",
                "WIFI:T:WPA;S:warm-station;P:secret;;",
                "A".repeat(4096), "WSM:" + "A".repeat(4092), "WSM:" + "\u0000".repeat(4092),
                "WSM:" + "Z".repeat(CardToken.TOKEN_LENGTH - 4), // decodes past the byte range
                "WSM:" + "0".repeat(CardToken.TOKEN_LENGTH - 4), // well-formed length, format version 0
                replacement, "WSM:" + "\uFFFD".repeat(CardToken.TOKEN_LENGTH - 4),
                "\u0000\u0001\u0002\u001b[2J\u007f", "WSM:\r\n\t" + "A".repeat(128),
                "\uD800WSM:", "WSM:\uDC00\uD800" + "A".repeat(129),
                "'; DROP TABLE visit; --", "WSM:' OR 1=1 --",
                "x".repeat(1 << 20));
    }

    @ParameterizedTest
    @MethodSource("hostileTexts")
    void hostileTextIsRejectedNotRecorded(String text) {
        CheckInResult r = service.checkIn(text);
        assertInstanceOf(CheckInResult.Rejected.class, r);
        assertEquals(0, visitCount());
    }

    @Test
    void tenThousandSeededRandomTextsAreNeverRecordedAndNeverThrow() {
        Random random = new Random(20261121L);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            texts.add(switch (i % 4) {
                case 0 -> randomUnicode(random, random.nextInt(300));
                case 1 -> randomAscii(random, random.nextInt(300));
                // right prefix and length, random Base45 body: reaches decoding and signature checks
                case 2 -> CardToken.PREFIX + randomFrom(random, Base45.ALPHABET, CardToken.TOKEN_LENGTH - 4);
                default -> mutate(random, cards.token(7, 7, WorkerCategory.COURIER));
            });
        }
        int rejected = 0;
        for (String t : texts) {
            CheckInResult r;
            try {
                r = service.checkIn(t);
            } catch (RuntimeException e) {
                fail("checkIn threw for a random text", e);
                return;
            }
            if (r instanceof CheckInResult.Rejected) {
                rejected++;
            } else {
                fail("random text gave " + r);
            }
        }
        assertEquals(texts.size(), rejected);
        assertEquals(0, visitCount());
    }

    /** A genuine token with one character replaced by another Base45 character. */
    private static String mutate(Random random, String token) {
        int at = 4 + random.nextInt(token.length() - 4);
        char c;
        do {
            c = Base45.ALPHABET.charAt(random.nextInt(45));
        } while (c == token.charAt(at));
        return token.substring(0, at) + c + token.substring(at + 1);
    }

    private static String randomUnicode(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) random.nextInt(0x10000));
        }
        return sb.toString();
    }

    private static String randomAscii(Random random, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append((char) random.nextInt(0x80));
        }
        return sb.toString();
    }

    private static String randomFrom(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void unmutatedTokenOfTheRandomTestIsAccepted() {
        // the mutations above are rejected because of the one changed character, not the card
        assertTrue(service.checkIn(cards.token(7, 7, WorkerCategory.COURIER)) instanceof CheckInResult.Welcome);
    }
}
