package org.warmstation.protocol.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StaffPinTest {

    @Test
    void hashedPinMatchesOnlyTheSamePin() {
        StaffPin pin = StaffPin.hash("802417".toCharArray());
        assertTrue(pin.matches("802417".toCharArray()));
        assertFalse(pin.matches("802418".toCharArray()));
        assertFalse(pin.matches("80241".toCharArray()));
        assertFalse(pin.matches(null));
    }

    @Test
    void encodedFormParsesBackAndStillMatches() {
        StaffPin pin = StaffPin.hash("5555".toCharArray());
        StaffPin parsed = StaffPin.parse(pin.encoded());
        assertEquals(pin, parsed);
        assertTrue(parsed.matches("5555".toCharArray()));
        assertTrue(pin.encoded().startsWith("pbkdf2-sha256$"));
        assertFalse(pin.encoded().contains("5555"));
    }

    @Test
    void samePinHashedTwiceGetsDifferentSalts() {
        assertNotEquals(StaffPin.hash("1234".toCharArray()).encoded(), StaffPin.hash("1234".toCharArray()).encoded());
    }

    @Test
    void pinsThatAreNotFourToTwelveDigitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> StaffPin.hash("123".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> StaffPin.hash("12a4".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> StaffPin.hash("1234567890123".toCharArray()));
    }

    @Test
    void malformedHashTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StaffPin.parse("1234"));
        assertThrows(IllegalArgumentException.class, () -> StaffPin.parse("pbkdf2-sha256$10$AAAA$BBBB"));
        assertThrows(IllegalArgumentException.class, () -> StaffPin.parse("pbkdf2-sha256$x$y$z"));
    }
}
