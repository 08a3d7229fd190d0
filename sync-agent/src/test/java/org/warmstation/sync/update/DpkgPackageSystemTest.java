package org.warmstation.sync.update;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What dpkg prints is read as it prints it on a terminal, warnings and all. */
class DpkgPackageSystemTest {
    @Test
    void theArchitectureIsTheLastLineEvenAfterADpkgWarning() {
        assertEquals(Optional.of("arm64"), DpkgPackageSystem.architectureOf("arm64\n"));
        assertEquals(Optional.of("amd64"), DpkgPackageSystem.architectureOf(
                "dpkg: warning: failed to open configuration file '/root/.dpkg.cfg' for reading: Permission denied\namd64\n"));
        assertEquals(Optional.empty(), DpkgPackageSystem.architectureOf("dpkg: error: something else\n"));
        assertEquals(Optional.empty(), DpkgPackageSystem.architectureOf(""));
    }
}
