package org.warmstation.protocol.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Fuzz test of the wire's fast instant parser (decision 0315): whatever text it accepts,
 * {@code ISO_INSTANT} accepts too, with the same instant. Seeds in
 * {@code src/test/resources/org/warmstation/protocol/wire/WireInstantsFuzzTestInputs/}.
 */
class WireInstantsFuzzTest {
    @FuzzTest(maxDuration = "4s")
    void anyText(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        Instant fast = WireInstants.parseCanonical(text);
        if (fast == null) {
            return; // left to ISO_INSTANT, which decides as before
        }
        Instant iso;
        try {
            iso = WireInstantsTest.iso(text);
        } catch (DateTimeParseException e) {
            throw new AssertionError("accepted \"" + text + "\" as " + fast + ", ISO_INSTANT refuses it", e);
        }
        assertEquals(iso, fast, text);
    }
}
