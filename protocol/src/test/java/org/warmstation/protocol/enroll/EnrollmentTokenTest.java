package org.warmstation.protocol.enroll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.warmstation.protocol.card.Base45;
import org.warmstation.protocol.card.CardToken;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.MemberCard;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.card.WorkerCategory;

class EnrollmentTokenTest {
    private static final Instant NOW = Instant.parse("2026-11-21T08:00:00Z");
    private static final DistrictKey CHAOYANG = DistrictKey.generate(110105);
    private static final DistrictKey HAIDIAN = DistrictKey.generate(110108);
    private static final TrustList TRUST = new TrustList(Instant.parse("2026-11-01T00:00:00Z"),
            List.of(CHAOYANG.trustedKey(), HAIDIAN.trustedKey()));
    private static final EnrollmentVerifier CHAOYANG_TERMINAL = new EnrollmentVerifier(TRUST, Set.of(110105));

    private static StationEnrollment enrollment(DistrictKey key, Instant expires) {
        return new StationEnrollment(key.districtId(), "CY-0042", "望京街道暖心驿站", 39.9961, 116.47,
                "ssl://mqtt.chaoyang.example.cn:8883", "q8Xr-2mLw_Tz9KpV4nYc", expires, key.keyId(), "ab".repeat(32));
    }

    private static String token(DistrictKey key, Instant expires) {
        return EnrollmentToken.sign(enrollment(key, expires), key.privateKey());
    }

    private static EnrollmentRefusal reason(EnrollmentVerdict v) {
        return assertInstanceOf(EnrollmentVerdict.Refused.class, v).reason();
    }

    @Test
    void signedCodeVerifiesToTheSameEnrollmentWithTheChineseNameIntact() {
        StationEnrollment e = enrollment(CHAOYANG, NOW.plusSeconds(3600));
        String text = EnrollmentToken.sign(e, CHAOYANG.privateKey());
        assertTrue(text.chars().allMatch(c -> Base45.ALPHABET.indexOf(c) >= 0 || "WSE:".indexOf(c) >= 0), text);
        var accepted = assertInstanceOf(EnrollmentVerdict.Accepted.class, CHAOYANG_TERMINAL.verify(" " + text + "\r\n", NOW));
        assertEquals(e, accepted.enrollment());
        assertEquals("望京街道暖心驿站", accepted.enrollment().stationName());
    }

    @Test
    void memberCardIsNotAnEnrollmentCode() {
        String card = CardToken.sign(new MemberCard(110105, 7, new MemberCard.MemberId(new byte[8]), WorkerCategory.COURIER,
                java.time.LocalDate.of(2026, 1, 1), java.time.LocalDate.of(2026, 12, 31), CHAOYANG.keyId()),
                CHAOYANG.privateKey());
        assertEquals(EnrollmentRefusal.NOT_AN_ENROLLMENT_CODE, reason(CHAOYANG_TERMINAL.verify(card, NOW)));
        assertEquals(EnrollmentRefusal.NOT_AN_ENROLLMENT_CODE, reason(CHAOYANG_TERMINAL.verify(null, NOW)));
    }

    @Test
    void cardSignatureUnderTheEnrollmentPrefixIsABadSignature() {
        // the same body bytes signed as a card (prefix WSM:) must not pass as an enrollment
        byte[] body = EnrollmentToken.body(enrollment(CHAOYANG, NOW.plusSeconds(3600)));
        byte[] asCard = concat("WSM:".getBytes(java.nio.charset.StandardCharsets.US_ASCII), body);
        byte[] sig = sign(asCard, CHAOYANG);
        String forged = EnrollmentToken.PREFIX + Base45.encode(concat(body, sig));
        assertEquals(EnrollmentRefusal.BAD_SIGNATURE, reason(CHAOYANG_TERMINAL.verify(forged, NOW)));
    }

    @Test
    void garbageAfterThePrefixIsMalformed() {
        assertEquals(EnrollmentRefusal.MALFORMED, reason(CHAOYANG_TERMINAL.verify("WSE:hello", NOW)));
        assertEquals(EnrollmentRefusal.MALFORMED, reason(CHAOYANG_TERMINAL.verify("WSE:" + Base45.encode(new byte[90]), NOW)));
        assertEquals(EnrollmentRefusal.MALFORMED, reason(CHAOYANG_TERMINAL.verify("WSE:" + "0".repeat(5000), NOW)));
        String good = token(CHAOYANG, NOW.plusSeconds(60));
        assertEquals(EnrollmentRefusal.MALFORMED, reason(CHAOYANG_TERMINAL.verify(good.substring(0, good.length() - 6), NOW)));
    }

    @Test
    void codeOfAKeyNotInTheTrustListIsUnknown() {
        DistrictKey stranger = DistrictKey.generate(110105);
        assertEquals(EnrollmentRefusal.UNKNOWN_KEY, reason(CHAOYANG_TERMINAL.verify(token(stranger, NOW.plusSeconds(60)), NOW)));
    }

    @Test
    void everyChangedBodyByteIsRefusedAsMalformedUnknownOrBadSignature() {
        byte[] all = Base45.decode(token(CHAOYANG, NOW.plusSeconds(3600)).substring(4));
        for (int i = 0; i < all.length; i++) {
            byte[] t = all.clone();
            t[i] ^= 0x01;
            EnrollmentVerdict v = CHAOYANG_TERMINAL.verify("WSE:" + Base45.encode(t), NOW);
            assertTrue(!v.accepted(), "byte " + i + " flipped was accepted");
        }
        // a changed credential keeps the shape: only the signature catches it
        String tampered = EnrollmentToken.PREFIX + Base45.encode(replace(all, "q8Xr", "q8Xs"));
        assertEquals(EnrollmentRefusal.BAD_SIGNATURE, reason(CHAOYANG_TERMINAL.verify(tampered, NOW)));
    }

    @Test
    void genuineCodeOfAnotherDistrictIsRefusedAsOtherDistrict() {
        assertEquals(EnrollmentRefusal.OTHER_DISTRICT, reason(CHAOYANG_TERMINAL.verify(token(HAIDIAN, NOW.plusSeconds(60)), NOW)));
        assertTrue(new EnrollmentVerifier(TRUST, Set.of()).verify(token(HAIDIAN, NOW.plusSeconds(60)), NOW).accepted(),
                "no district given: any district of the trust list");
    }

    @Test
    void keyOfOneDistrictSigningForAnotherIsABadSignature() {
        StationEnrollment claimsChaoyang = new StationEnrollment(110105, "CY-0042", "望京", 39.9, 116.4, "tcp://h:1883",
                "abcdefghijklmnop", NOW.plusSeconds(60), HAIDIAN.keyId());
        String t = EnrollmentToken.sign(claimsChaoyang, HAIDIAN.privateKey());
        assertEquals(EnrollmentRefusal.BAD_SIGNATURE, reason(CHAOYANG_TERMINAL.verify(t, NOW)));
    }

    @Test
    void codePastItsExpiryIsRefusedEvenOnATerminalWhoseClockIsBehind() {
        String t = token(CHAOYANG, Instant.parse("2026-11-10T00:00:00Z"));
        assertEquals(EnrollmentRefusal.EXPIRED, reason(CHAOYANG_TERMINAL.verify(t, NOW)));
        // a Pi booting "in 2019" judges on the trust list's issue instant, 2026-11-01: still valid
        assertTrue(CHAOYANG_TERMINAL.verify(t, Instant.parse("2019-01-01T00:00:00Z")).accepted());
        String old = token(CHAOYANG, Instant.parse("2026-10-30T00:00:00Z"));
        assertEquals(EnrollmentRefusal.EXPIRED, reason(CHAOYANG_TERMINAL.verify(old, Instant.parse("2019-01-01T00:00:00Z"))));
    }

    @Test
    void enrollmentRefusesFieldsTheCodeCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> new StationEnrollment(110105, "cy 42", "名", 0, 0,
                "tcp://h:1", "abcdefghijklmnop", NOW, 1));
        assertThrows(IllegalArgumentException.class, () -> new StationEnrollment(110105, "CY-1", "名".repeat(21), 0, 0,
                "tcp://h:1", "abcdefghijklmnop", NOW, 1));
        assertThrows(IllegalArgumentException.class, () -> new StationEnrollment(110105, "CY-1", "名", 0, 0,
                "http://h:1", "abcdefghijklmnop", NOW, 1));
        assertThrows(IllegalArgumentException.class, () -> new StationEnrollment(110105, "CY-1", "名", 0, 0,
                "tcp://h:1", "short", NOW, 1));
        String s = new StationEnrollment(110105, "CY-1", "名", 0, 0, "tcp://h:1", "secretsecret1234", NOW, 1).toString();
        assertTrue(!s.contains("secretsecret1234"), s);
    }

    @Test
    void longestPossibleCodeStaysWithinTheAdvertisedLength() {
        StationEnrollment biggest = new StationEnrollment(0xff_ffff, "A".repeat(16), "驿".repeat(20), -90, -180,
                "ssl://" + "h".repeat(94), "x".repeat(64), Instant.ofEpochSecond(0xffff_ffffL), 0xffff, "ff".repeat(32));
        DistrictKey k = DistrictKey.generate(0xff_ffff);
        String t = EnrollmentToken.sign(biggest, k.privateKey());
        assertTrue(t.length() <= EnrollmentToken.MAX_TOKEN_LENGTH, t.length() + " > " + EnrollmentToken.MAX_TOKEN_LENGTH);
        var v = new EnrollmentVerifier(new TrustList(NOW, List.of(new org.warmstation.protocol.card.TrustedKey(0xffff,
                0xff_ffff, k.keyPair().getPublic()))), Set.of()).verify(t, NOW);
        assertEquals(biggest, assertInstanceOf(EnrollmentVerdict.Accepted.class, v).enrollment());
    }

    private static byte[] replace(byte[] all, String from, String to) {
        String latin = new String(all, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(latin.contains(from));
        return latin.replace(from, to).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static byte[] sign(byte[] message, DistrictKey key) {
        try {
            java.security.Signature s = java.security.Signature.getInstance("Ed25519");
            s.initSign(key.privateKey());
            s.update(message);
            return s.sign();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void sslCodeCarriesItsCaPinAndTcpCodeNone() {
        assertThrows(IllegalArgumentException.class, () -> new StationEnrollment(110105, "CY-1", "名", 0, 0,
                "ssl://h:8883", "abcdefghijklmnop", NOW, 1), "ssl:// without pin");
        assertThrows(IllegalArgumentException.class, () -> new StationEnrollment(110105, "CY-1", "名", 0, 0,
                "tcp://h:1883", "abcdefghijklmnop", NOW, 1, "ab".repeat(32)), "tcp:// with pin");
        var accepted = assertInstanceOf(EnrollmentVerdict.Accepted.class,
                CHAOYANG_TERMINAL.verify(token(CHAOYANG, NOW.plusSeconds(60)), NOW));
        assertEquals("ab".repeat(32), accepted.enrollment().caPin());
        assertTrue(!accepted.enrollment().insecure());
    }

    @Test
    void codeIdNamesExactlyOneSignedCode() {
        StationEnrollment a = enrollment(CHAOYANG, NOW.plusSeconds(60));
        StationEnrollment b = enrollment(CHAOYANG, NOW.plusSeconds(61));
        assertTrue(EnrollmentToken.codeId(a).matches("[0-9a-f]{16}"), EnrollmentToken.codeId(a));
        var scanned = assertInstanceOf(EnrollmentVerdict.Accepted.class,
                CHAOYANG_TERMINAL.verify(EnrollmentToken.sign(a, CHAOYANG.privateKey()), NOW)).enrollment();
        assertEquals(EnrollmentToken.codeId(a), EnrollmentToken.codeId(scanned), "the terminal finds the issued id");
        assertTrue(!EnrollmentToken.codeId(a).equals(EnrollmentToken.codeId(b)));
    }
}
