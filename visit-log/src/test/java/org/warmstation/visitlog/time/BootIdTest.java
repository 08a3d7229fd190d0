package org.warmstation.visitlog.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootIdTest {
    @TempDir
    Path dir;

    @Test
    void currentBootIdIsTheKernelsUuidAndStableWithinTheBoot() throws Exception {
        String kernel = Files.readString(Path.of(BootId.BOOT_ID_FILE)).strip();
        assertEquals(kernel, BootId.current().value());
        assertEquals(BootId.current(), BootId.current());
    }

    @Test
    void bootIdFileIsReadWithItsLineBreakAndCase() throws Exception {
        Path file = Files.writeString(dir.resolve("boot_id"), "3F2B1C4D-0A9E-4B7C-8D6E-5F4A3B2C1D0E\n");
        assertEquals("3f2b1c4d-0a9e-4b7c-8d6e-5f4a3b2c1d0e", BootId.read(file).value());
    }

    @Test
    void missingOrGarbageBootIdGivesAProcessOwnIdInsteadOfFailing() throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage"), "'; DROP TABLE visit; --\n");
        for (Path bad : new Path[] {garbage, dir.resolve("missing"), Files.writeString(dir.resolve("empty"), "")}) {
            BootId id = BootId.read(bad);
            assertTrue(id.value().startsWith("process-"), id.value());
            assertNotEquals(id, BootId.read(bad), "each fallback id is fresh");
        }
    }

    @Test
    void blankBootIdIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BootId(" "));
    }
}
