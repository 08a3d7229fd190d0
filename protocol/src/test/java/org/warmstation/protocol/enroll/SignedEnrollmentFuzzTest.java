package org.warmstation.protocol.enroll;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.warmstation.protocol.enroll.EnrollmentTextFuzzTest.KEY;
import static org.warmstation.protocol.enroll.EnrollmentTextFuzzTest.NOW;
import static org.warmstation.protocol.enroll.EnrollmentTextFuzzTest.VERIFIER;

import com.code_intelligence.jazzer.junit.FuzzTest;
import org.warmstation.protocol.card.Base45;
import org.warmstation.protocol.card.Ed25519;

/**
 * Fuzz test of the enrollment body behind a valid signature (issue 13 item 7, decision 0160); the
 * fixtures are {@link EnrollmentTextFuzzTest}'s. One fuzz test per class: Jazzer fuzzes one per JVM.
 */
class SignedEnrollmentFuzzTest {

    /**
     * Any body bytes followed by a valid signature of them by the trusted key (the key id in the
     * body must still match): reaches the field checks behind the signature.
     */
    @FuzzTest(maxDuration = "4s")
    void signedEnrollmentBody(byte[] body) {
        byte[] b = java.util.Arrays.copyOf(body, Math.min(body.length, 600));
        byte[] sig = Ed25519.sign(KEY.privateKey(), EnrollmentToken.signedMessage(b));
        byte[] all = java.util.Arrays.copyOf(b, b.length + sig.length);
        System.arraycopy(sig, 0, all, b.length, sig.length);
        assertNotNull(VERIFIER.verify(EnrollmentToken.PREFIX + Base45.encode(all), NOW));
    }}
