package org.warmstation.district;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.warmstation.district.console.ConsoleSettings;

/** {@code district-server run}'s console options: --http, --k, --map-tiles, --secure-cookies. */
class ConsoleOptionsTest {
    @Test
    void offDisablesTheConsole() {
        assertTrue(ConsoleOptions.settings("off", 110105, 5, null, false).isEmpty());
        assertTrue(ConsoleOptions.settings("OFF", 110105, 5, null, false).isEmpty());
    }

    @Test
    void hostPortKTilesAndCookiesAreTaken() {
        ConsoleSettings s = ConsoleOptions.settings("127.0.0.1:8080", 110105, 7, "https://tiles.example.org/{z}/{x}/{y}.png", true)
                .orElseThrow();
        assertEquals("127.0.0.1", s.host());
        assertEquals(8080, s.port());
        assertEquals(110105, s.district());
        assertEquals(7, s.k());
        assertEquals(Optional.of("https://tiles.example.org/{z}/{x}/{y}.png"), s.mapTilesUrl());
        assertTrue(s.secureCookies());
        assertEquals("::1", ConsoleOptions.settings("[::1]:0", 1, 5, "none", false).orElseThrow().host());
        assertEquals(Optional.empty(), ConsoleOptions.settings("[::1]:0", 1, 5, "none", false).orElseThrow().mapTilesUrl());
    }

    @Test
    void badValuesAreRefusedNamingTheOption() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.settings("8080", 1, 5, null, false))
                .getMessage().contains("--http must be HOST:PORT or off"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.settings("localhost:http", 1, 5, null, false))
                .getMessage().contains("--http port"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.settings("localhost:70000", 1, 5, null, false))
                .getMessage().contains("--http port must be 0-65535"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.settings("127.0.0.1:0", 1, 2, null, false))
                .getMessage().contains("--k must be at least 3"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ConsoleOptions.settings("127.0.0.1:0", 1, 5, "tiles/{z}", false))
                .getMessage().contains("--map-tiles"));
    }
}
