package org.warmstation.kiosk.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScanLogTextTest {

    @Test
    void cardTokenIsReducedToItsFirstSixCharacters() {
        String token = "WSM:6QF8ZR1BZN4M.JE7T1Q+-X9P0AB";
        String shown = ScanLogText.describe(token);
        assertEquals("\"WSM:6Q…\" (" + token.length() + " chars)", shown);
        assertFalse(shown.contains("6QF"));
    }

    @Test
    void controlAndNonAsciiCharactersAreMasked() {
        String shown = ScanLogText.describe("\u001b[2J\n\uFFFD\u0000\"rest of the text");
        assertEquals("\"?[2J??…\" (24 chars)", shown);
        for (char c : shown.toCharArray()) {
            assertTrue(c == '…' || (c >= 0x20 && c <= 0x7e), "unsafe char " + (int) c);
        }
    }

    @Test
    void shortAndMissingTextsAreShownWhole() {
        assertEquals("\"abc\" (3 chars)", ScanLogText.describe("abc"));
        assertEquals("(no text)", ScanLogText.describe(null));
    }
}
