package org.warmstation.protocol.enroll;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.warmstation.protocol.card.Base45;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.Ed25519;
import org.warmstation.protocol.card.TrustList;

/**
 * Fuzz tests of the station enrollment text (issue 13 item 7, decision 0160): whatever is scanned
 * or pasted, {@link EnrollmentVerifier#verify} answers with a verdict and throws nothing.
 */
class EnrollmentTextFuzzTest {
    /** A fixed key (test resource), so the committed signed seeds keep verifying. */
    static final DistrictKey KEY = fixedKey();
    static final EnrollmentVerifier VERIFIER = new EnrollmentVerifier(
            new TrustList(Instant.parse("2026-01-01T00:00:00Z"), List.of(KEY.trustedKey())), Set.of(110105));
    static final Instant NOW = Instant.parse("2026-11-21T08:15:30Z");

    /** Any scanned or pasted text: a verdict, never a throw. */
    @FuzzTest(maxDuration = "4s")
    void enrollmentText(byte[] input) {
        assertNotNull(VERIFIER.verify(new String(input, StandardCharsets.UTF_8), NOW));
    }


    static DistrictKey fixedKey() {
        try (var in = DistrictKey.class.getResourceAsStream("/org/warmstation/protocol/fuzz-district-key.pem")) {
            return DistrictKey.fromPem(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
