package org.warmstation.terminal.kiosk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.warmstation.sync.update.PackageSystem;

/** The terminal's architecture as its birth message reports it (decision 0285). */
class UpdateWiringTest {

    private static PackageSystem dpkgSaying(Optional<String> architecture, IOException failure) {
        return new PackageSystem() {
            @Override
            public Optional<String> installedVersion() {
                return Optional.of("0.2.0");
            }

            @Override
            public Optional<String> architecture() throws IOException {
                if (failure != null) {
                    throw failure;
                }
                return architecture;
            }

            @Override
            public void install(Path deb) {
                throw new UnsupportedOperationException("not in this test");
            }

            @Override
            public void restartKiosk() {
                throw new UnsupportedOperationException("not in this test");
            }
        };
    }

    @Test
    void theArchitectureIsWhatDpkgPrints() {
        assertEquals("armhf", UpdateWiring.architecture(dpkgSaying(Optional.of("armhf"), null)));
    }

    @Test
    void anUnknownArchitectureIsNotReportedAndDoesNotStopTheTerminal() {
        assertNull(UpdateWiring.architecture(dpkgSaying(Optional.empty(), null)), "dpkg printed nothing usable");
        assertNull(UpdateWiring.architecture(dpkgSaying(null, new IOException("dpkg: not found"))), "no dpkg");
    }
}
