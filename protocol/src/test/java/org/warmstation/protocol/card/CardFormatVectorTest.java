package org.warmstation.protocol.card;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The test vector published in docs/card-format.md: a fixed key (RFC 8032 TEST 1 seed) and card
 * give exactly these bytes and this token (Ed25519 signatures are deterministic).
 */
class CardFormatVectorTest {
    static final String VECTOR_PUBLIC_KEY = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a";

    @Test
    void testVectorKeyIsTheRfc8032Key() throws Exception {
        DistrictKey k = TestKeys.fromSeed(TestKeys.RFC8032_TEST1_SEED, 110105);
        byte[] spki = k.keyPair().getPublic().getEncoded();
        String raw = HexFormat.of().formatHex(spki, spki.length - 32, spki.length);
        assertEquals(VECTOR_PUBLIC_KEY, raw);
    }

    @Test
    void publishedTestVectorIsReproduced() throws Exception {
        DistrictKey k = TestKeys.fromSeed(TestKeys.RFC8032_TEST1_SEED, 110105);
        MemberCard card = new MemberCard(110105, 1001, MemberCard.MemberId.ofHex("8f3a5c0e91d24b67"),
                WorkerCategory.FOOD_DELIVERY, LocalDate.parse("2026-01-01"), LocalDate.parse("2027-12-31"), k.keyId());
        String body = HexFormat.of().formatHex(CardToken.body(card));
        String token = CardToken.sign(card, k.privateKey());
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("card.format.doc")));
        assertEquals(expected(doc, "key id"), String.format("%04x", k.keyId()));
        assertEquals(expected(doc, "body"), body);
        assertEquals(expected(doc, "token"), token);
        CardVerifier v = new CardVerifier(new TrustList(Instant.EPOCH, List.of(k.trustedKey())), DenyList.empty(),
                Set.of(110105), ZoneId.of("Asia/Shanghai"));
        assertEquals(new CardVerdict.Accepted(card), v.verify(token, Instant.parse("2026-11-21T00:00:00Z")));
    }

    /** Reads a value from a line "- <name>: `<value>`" of the published document. */
    private static String expected(String doc, String name) {
        String marker = "- " + name + ": `";
        int i = doc.indexOf(marker);
        if (i < 0) {
            throw new AssertionError("docs/card-format.md has no line '" + marker + "...`'");
        }
        int start = i + marker.length();
        return doc.substring(start, doc.indexOf('`', start));
    }
}
