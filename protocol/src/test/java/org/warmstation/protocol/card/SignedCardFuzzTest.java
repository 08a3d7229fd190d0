package org.warmstation.protocol.card;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.warmstation.protocol.card.CardTextFuzzTest.KEY;
import static org.warmstation.protocol.card.CardTextFuzzTest.NOW;
import static org.warmstation.protocol.card.CardTextFuzzTest.VERIFIER;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.Arrays;

/**
 * Fuzz test of the member-card body behind a valid signature (issue 13 item 7, decision 0160);
 * the fixtures are {@link CardTextFuzzTest}'s. One fuzz test per class: Jazzer fuzzes one per JVM.
 */
class SignedCardFuzzTest {

    /**
     * Any 23-byte-or-other card body, correctly signed by the trusted key: reaches the body parser,
     * the district, deny-list and date checks behind the signature.
     */
    @FuzzTest(maxDuration = "4s")
    void signedCardBody(byte[] body) {
        byte[] b = Arrays.copyOf(body, Math.min(body.length, 2 * CardToken.BODY_LENGTH));
        byte[] sig = Ed25519.sign(KEY.privateKey(), CardToken.signedMessage(b));
        byte[] all = Arrays.copyOf(b, b.length + sig.length);
        System.arraycopy(sig, 0, all, b.length, sig.length);
        assertNotNull(VERIFIER.verify(CardToken.PREFIX + Base45.encode(all), NOW));
    }}
