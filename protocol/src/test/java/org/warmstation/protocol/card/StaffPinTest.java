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
        StaffPin pin = StaffPin.hash("555555".toCharArray());
        StaffPin parsed = StaffPin.parse(pin.encoded());
        assertEquals(pin, parsed);
        assertTrue(parsed.matches("555555".toCharArray()));
        assertTrue(pin.encoded().startsWith("pbkdf2-sha256$"));
        assertFalse(pin.encoded().contains("555555"));
    }

    @Test
    void samePinHashedTwiceGetsDifferentSalts() {
        assertNotEquals(StaffPin.hash("123456".toCharArray()).encoded(), StaffPin.hash("123456".toCharArray()).encoded());
    }

    @Test
    void pinsThatAreNotSixToTwelveDigitsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> StaffPin.hash("123".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> StaffPin.hash("12a456".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> StaffPin.hash("1234567890123".toCharArray()));
    }

    @Test
    void fourDigitPinIsRefusedWithAClearMessageInBothLanguages() {
        var e = assertThrows(IllegalArgumentException.class, () -> StaffPin.hash("2468".toCharArray()));
        assertEquals("a staff PIN has 6 to 12 digits, found 4 (工作人员 PIN 须为 6 至 12 位数字)", e.getMessage());
        var five = assertThrows(IllegalArgumentException.class, () -> StaffPin.hash("24680".toCharArray()));
        assertTrue(five.getMessage().contains("found 5"), five.getMessage());
        assertTrue(StaffPin.hash("246801".toCharArray()).matches("246801".toCharArray()), "six digits are enough");
    }

    @Test
    void malformedHashTextIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StaffPin.parse("123456"));
        assertThrows(IllegalArgumentException.class, () -> StaffPin.parse("pbkdf2-sha256$10$AAAA$BBBB"));
        assertThrows(IllegalArgumentException.class, () -> StaffPin.parse("pbkdf2-sha256$x$y$z"));
    }
}
