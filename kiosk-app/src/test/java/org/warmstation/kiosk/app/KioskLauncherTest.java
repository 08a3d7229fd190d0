package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class KioskLauncherTest {
    @Test
    void demoUsesDemoDataInTheWorkingDirectoryByDefault() {
        assertEquals(Path.of("demo-data").toAbsolutePath(), KioskLauncher.Options.defaultDemoDir());
    }
}
