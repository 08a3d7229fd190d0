package org.warmstation.protocol.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Base45Test {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // RFC 9285 section 4.3 examples
            "AB|BB8",
            "Hello!!|%69 VD92EX0",
            "base-45|UJCLQE7W581",
            "ietf!|QED8WEX0"})
    void encodesRfc9285Examples(String plain, String encoded) {
        assertEquals(encoded, Base45.encode(plain.getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(plain.getBytes(StandardCharsets.US_ASCII), Base45.decode(encoded));
    }

    @Test
    void roundTripsRandomBytesOfEveryLength() {
        Random r = new Random(45);
        for (int len = 0; len < 200; len++) {
            byte[] b = new byte[len];
            r.nextBytes(b);
            assertArrayEquals(b, Base45.decode(Base45.encode(b)), "length " + len);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GGW", "A", "ABCD", "ab", "AB\u0000", "::", "A\u00e9"})
    void decodeRejectsNonCanonicalOrForeignText(String text) {
        assertThrows(IllegalArgumentException.class, () -> Base45.decode(text));
    }
}
