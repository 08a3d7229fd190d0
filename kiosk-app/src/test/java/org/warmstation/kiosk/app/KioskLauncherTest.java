package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KioskLauncherTest {
    @Test
    void demoUsesDemoDataInTheWorkingDirectoryByDefault() {
        KioskLauncher.Options o = KioskLauncher.parse(new String[] {"--demo", "--windowed"});
        assertTrue(o.demo());
        assertTrue(o.windowed());
        assertEquals(Path.of("demo-data").toAbsolutePath(), o.dataDir());
    }

    @Test
    void configAndDemoExcludeEachOther() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> KioskLauncher.parse(new String[] {"--demo", "--config", "station.properties"}));
        assertTrue(e.getMessage().contains("either --demo or --config"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> KioskLauncher.parse(new String[] {}));
    }

    @Test
    void optionWithoutValueAndUnknownOptionAreUsageErrors() {
        assertThrows(IllegalArgumentException.class, () -> KioskLauncher.parse(new String[] {"--config"}));
        var e = assertThrows(IllegalArgumentException.class, () -> KioskLauncher.parse(new String[] {"--demo", "--fast"}));
        assertTrue(e.getMessage().contains("--fast"), e.getMessage());
    }
}
