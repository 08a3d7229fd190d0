package org.warmstation.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.wire.StationSettings;

/** The settings file's previous document, kept for a rollback (decision 0211). */
class FileDownlinkApplierTest {
    @TempDir
    Path dir;

    private static StationSettings version(int v, String broker) {
        return new StationSettings(0, List.of("HOT_WATER"), null).withVersion(v).withBrokerUrl(broker);
    }

    @Test
    void restoreBringsBackTheDocumentBeforeTheLastOneAppliedOnce() throws Exception {
        FileDownlinkApplier applier = new FileDownlinkApplier(dir);
        applier.applySettings(version(1, null));
        applier.applySettings(version(2, "tcp://10.0.0.9:1883"));
        assertEquals("tcp://10.0.0.9:1883", applier.settingsInForce().orElseThrow().brokerUrl());

        Optional<StationSettings> restored = applier.restorePreviousSettings();
        assertEquals(1, restored.orElseThrow().version());
        assertEquals(1, applier.settingsInForce().orElseThrow().version(), "the file holds version 1 again");
        assertFalse(Files.exists(dir.resolve(FileDownlinkApplier.PREVIOUS_SETTINGS)));
        var e = assertThrows(IllegalStateException.class, applier::restorePreviousSettings, "only once per apply");
        assertTrue(e.getMessage().startsWith("no previous station settings kept"), e.getMessage());
    }

    @Test
    void restoreAfterTheFirstDocumentLeavesTheStationsOwnSettings() throws Exception {
        FileDownlinkApplier applier = new FileDownlinkApplier(dir);
        applier.applySettings(version(1, "tcp://10.0.0.9:1883"));
        assertEquals(Optional.empty(), applier.restorePreviousSettings());
        assertEquals(Optional.empty(), applier.settingsInForce());
        assertFalse(Files.exists(dir.resolve(FileDownlinkApplier.SETTINGS)));
    }
}
