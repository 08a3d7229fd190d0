package org.warmstation.protocol.card;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Set;

/**
 * Fuzz tests of the member-card QR text (issue 13 item 7, decision 0160): whatever a scanner
 * reads, {@link CardVerifier#verify} answers with a verdict and throws nothing. Without
 * {@code JAZZER_FUZZ} these run over the committed seeds in
 * {@code src/test/resources/org/warmstation/protocol/card/CardTextFuzzTestInputs/}.
 */
class CardTextFuzzTest {
    static final DistrictKey KEY = key();
    static final CardVerifier VERIFIER = new CardVerifier(
            new TrustList(Instant.parse("2026-01-01T00:00:00Z"), java.util.List.of(KEY.trustedKey())),
            DenyList.empty().with(KEY.districtId(), 4711), Set.of(KEY.districtId()), ZoneId.of("Asia/Shanghai"));
    static final Instant NOW = Instant.parse("2026-11-21T08:15:30Z");

    private static DistrictKey key() {
        try {
            return TestKeys.fromSeed(TestKeys.RFC8032_TEST1_SEED, 110105);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any scanned text (the bytes as UTF-8, malformed sequences replaced): a verdict, never a throw. */
    @FuzzTest(maxDuration = "4s")
    void scannedText(byte[] input) {
        assertNotNull(VERIFIER.verify(new String(input, StandardCharsets.UTF_8), NOW));
    }

}
