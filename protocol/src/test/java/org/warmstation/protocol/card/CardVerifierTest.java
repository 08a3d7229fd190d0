package org.warmstation.protocol.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CardVerifierTest {
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final int CHAOYANG = 110105;
    static final int HAIDIAN = 110108;
    static final Instant NOW = Instant.parse("2026-11-21T02:00:00Z");

    static DistrictKey chaoyang;
    static DistrictKey haidian;
    static DistrictKey stranger;
    static CardVerifier verifier;

    @BeforeAll
    static void keys() {
        chaoyang = DistrictKey.generate(CHAOYANG);
        haidian = DistrictKey.generate(HAIDIAN);
        stranger = DistrictKey.generate(CHAOYANG);
        TrustList trust = new TrustList(Instant.parse("2026-11-01T00:00:00Z"),
                List.of(chaoyang.trustedKey(), haidian.trustedKey()));
        verifier = new CardVerifier(trust, DenyList.empty().with(CHAOYANG, 666), Set.of(CHAOYANG), BEIJING);
    }

    static MemberCard card(DistrictKey key, int district, long serial, String from, String until) {
        return new MemberCard(district, serial, MemberCard.MemberId.ofHex("0123456789abcdef"),
                WorkerCategory.FOOD_DELIVERY, LocalDate.parse(from), LocalDate.parse(until), key.keyId());
    }

    static String token(MemberCard card, DistrictKey key) {
        return CardToken.sign(card, key.privateKey());
    }

    static String validToken() {
        return token(card(chaoyang, CHAOYANG, 1001, "2026-01-01", "2027-12-31"), chaoyang);
    }

    @Test
    void cardRoundTripsThroughTokenAndVerification() {
        MemberCard card = card(chaoyang, CHAOYANG, 1001, "2026-01-01", "2027-12-31");
        CardVerdict v = verifier.verify(token(card, chaoyang), NOW);
        assertEquals(new CardVerdict.Accepted(card), v);
    }

    @Test
    void tokenUsesOnlyQrAlphanumericCharactersAndHasFixedLength() {
        String t = validToken();
        assertEquals(CardToken.TOKEN_LENGTH, t.length());
        assertTrue(t.chars().allMatch(c -> Base45.ALPHABET.indexOf(c) >= 0), t);
    }

    @Test
    void scanToleratesTrailingNewlineOfAKeyboardWedgeScanner() {
        assertTrue(verifier.verify(validToken() + "\r\n", NOW).accepted());
    }

    static Stream<Object[]> rejections() {
        return Stream.of(
                new Object[] {"https://example.com/pay?id=1", RejectionReason.NOT_A_MEMBER_CARD},
                new Object[] {"WSM:", RejectionReason.MALFORMED},
                new Object[] {"WSM:" + "A".repeat(CardToken.TOKEN_LENGTH - 4), RejectionReason.MALFORMED},
                new Object[] {"unknown key", RejectionReason.UNKNOWN_KEY},
                new Object[] {"bad signature", RejectionReason.BAD_SIGNATURE},
                new Object[] {"expired", RejectionReason.EXPIRED},
                new Object[] {"not yet valid", RejectionReason.NOT_YET_VALID},
                new Object[] {"other district", RejectionReason.OTHER_DISTRICT},
                new Object[] {"revoked", RejectionReason.REVOKED});
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("rejections")
    void scanRejectsWithExactlyTheOneReason(String what, RejectionReason expected) {
        String text = switch (what) {
            case "unknown key" -> {
                DistrictKey k = DistrictKey.generate(CHAOYANG);
                yield token(card(k, CHAOYANG, 5, "2026-01-01", "2027-01-01"), k);
            }
            case "bad signature" -> {
                // a key that claims the id of the trusted Chaoyang key
                MemberCard c = card(chaoyang, CHAOYANG, 5, "2026-01-01", "2027-01-01");
                yield token(c, stranger);
            }
            case "expired" -> token(card(chaoyang, CHAOYANG, 5, "2025-01-01", "2026-11-20"), chaoyang);
            case "not yet valid" -> token(card(chaoyang, CHAOYANG, 5, "2026-11-22", "2027-11-22"), chaoyang);
            case "other district" -> token(card(haidian, HAIDIAN, 5, "2026-01-01", "2027-01-01"), haidian);
            case "revoked" -> token(card(chaoyang, CHAOYANG, 666, "2026-01-01", "2027-01-01"), chaoyang);
            default -> what;
        };
        CardVerdict v = verifier.verify(text, NOW);
        CardVerdict.Rejected r = assertInstanceOf(CardVerdict.Rejected.class, v);
        assertEquals(expected, r.reason());
    }

    @Test
    void lastValidDayIsJudgedOnTheBeijingCalendar() {
        String t = token(card(chaoyang, CHAOYANG, 5, "2026-01-01", "2026-11-21"), chaoyang);
        // 23:30 in Beijing on the 21st is still the 21st: valid
        assertTrue(verifier.verify(t, Instant.parse("2026-11-21T15:30:00Z")).accepted());
        // 00:30 in Beijing on the 22nd: expired, although UTC is still the 21st
        CardVerdict late = verifier.verify(t, Instant.parse("2026-11-21T16:30:00Z"));
        assertEquals(RejectionReason.EXPIRED, ((CardVerdict.Rejected) late).reason());
    }

    @Test
    void unsyncedClockBeforeTrustListIssueIsNotUsedToAcceptExpiredCards() {
        // the card expired in October; a Pi booting "in 2019" must not accept it
        String t = token(card(chaoyang, CHAOYANG, 5, "2019-01-01", "2026-10-31"), chaoyang);
        CardVerdict v = verifier.verify(t, Instant.parse("2019-06-01T00:00:00Z"));
        assertEquals(RejectionReason.EXPIRED, ((CardVerdict.Rejected) v).reason());
    }

    @Test
    void everySingleCharacterTamperingIsRejected() {
        String t = validToken();
        String alphabet = Base45.ALPHABET + "abcz\u00e9\u4e2d\n";
        int checked = 0;
        for (int i = 0; i < t.length(); i++) {
            for (int a = 0; a < alphabet.length(); a++) {
                char c = alphabet.charAt(a);
                if (c == t.charAt(i)) {
                    continue;
                }
                String tampered = t.substring(0, i) + c + t.substring(i + 1);
                CardVerdict v = verifier.verify(tampered, NOW);
                if (v.accepted()) {
                    throw new AssertionError("accepted tampering at " + i + " with '" + c + "'");
                }
                checked++;
            }
        }
        assertTrue(checked > t.length() * 40, "checked " + checked);
    }

    @Test
    void everySingleByteTamperingOfTheDecodedTokenIsRejected() {
        String t = validToken();
        byte[] raw = Base45.decode(t.substring(CardToken.PREFIX.length()));
        for (int i = 0; i < raw.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] b = raw.clone();
                b[i] ^= (byte) (1 << bit);
                String tampered = CardToken.PREFIX + Base45.encode(b);
                assertTrue(!verifier.verify(tampered, NOW).accepted(), "byte " + i + " bit " + bit);
            }
        }
    }

    @Test
    void hostileTextNeverThrowsAndIsNeverAccepted() {
        Random r = new Random(2026);
        List<String> hostile = new java.util.ArrayList<>(List.of(
                "", " ", "\u0000", "WSM:\u0000\u0001\u0002", "http://evil.example/" + "x".repeat(4096),
                "WSM:" + "Z".repeat(4096), new String(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41},
                        StandardCharsets.UTF_8), "WSM:\uFFFD\uFFFD", "\u202Eevil", "WSM:" + "%".repeat(131)));
        for (int i = 0; i < 5000; i++) {
            int len = r.nextInt(300);
            StringBuilder sb = new StringBuilder(i % 2 == 0 ? "WSM:" : "");
            for (int j = 0; j < len; j++) {
                sb.append((char) (i % 3 == 0 ? Base45.ALPHABET.charAt(r.nextInt(45)) : r.nextInt(0x3000)));
            }
            hostile.add(sb.toString());
        }
        hostile.add(null);
        for (String text : hostile) {
            CardVerdict v = verifier.verify(text, NOW);
            assertInstanceOf(CardVerdict.Rejected.class, v);
        }
    }

    @Test
    void keyIdCollisionStillFindsTheRightKey() {
        DistrictKey colliding = new DistrictKey(CHAOYANG, chaoyang.keyId(), DistrictKey.generate(CHAOYANG).keyPair());
        TrustList trust = new TrustList(NOW, List.of(colliding.trustedKey(), chaoyang.trustedKey()));
        CardVerifier v = new CardVerifier(trust, DenyList.empty(), Set.of(CHAOYANG), BEIJING);
        assertTrue(v.verify(validToken(), NOW).accepted());
    }

    @Test
    void aKeyOfOneDistrictCannotVouchForAnother() {
        // Haidian's genuine key signs a card claiming Chaoyang
        MemberCard c = new MemberCard(CHAOYANG, 9, MemberCard.MemberId.ofHex("0000000000000001"),
                WorkerCategory.COURIER, LocalDate.parse("2026-01-01"), LocalDate.parse("2027-01-01"), haidian.keyId());
        CardVerdict v = verifier.verify(token(c, haidian), NOW);
        assertEquals(RejectionReason.BAD_SIGNATURE, ((CardVerdict.Rejected) v).reason());
    }
}
