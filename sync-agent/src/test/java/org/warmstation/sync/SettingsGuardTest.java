package org.warmstation.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.protocol.card.DistrictKey;
import org.warmstation.protocol.card.TrustList;
import org.warmstation.protocol.wire.Downlink;
import org.warmstation.protocol.wire.DownlinkAck;
import org.warmstation.protocol.wire.DownlinkCommand;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Topics;
import org.warmstation.protocol.wire.Wire;
import org.warmstation.sync.downlink.DownlinkHandler;
import org.warmstation.sync.store.SqliteSyncState;
import org.warmstation.visitlog.outbox.SqliteOutbox;

/**
 * {@link SettingsGuard} with the real handler, files and state, without a broker (decision 0211):
 * the rollback comes only after the window without a connection, is reported once, survives a
 * restart, and a re-send of the rolled-back command is answered FAILED with nothing applied.
 */
class SettingsGuardTest {
    private static final int DISTRICT = 110105;
    private static final DistrictKey KEY = DistrictKey.generate(DISTRICT);
    private static final TrustList TRUST = new TrustList(Instant.parse("2026-01-01T00:00:00Z"), List.of(KEY.trustedKey()));
    private static final Duration WINDOW = Duration.ofSeconds(2);

    @TempDir
    Path dir;

    private static byte[] settings(DownlinkCommand cmd) {
        return Wire.encode(Downlink.sign(cmd, KEY));
    }

    private static DownlinkCommand command(int version, String broker) {
        return DownlinkCommand.settings(DISTRICT, "st-a", Instant.now(),
                new StationSettings(0, List.of("HOT_WATER"), null).withVersion(version).withBrokerUrl(broker));
    }

    @Test
    void aDocumentWithoutBrokerForTheWindowIsRolledBackReportedOnceAndRefusedWhenResent() throws Exception {
        SyncConfig config = SyncConfig.builder("tcp://127.0.0.1:1883", new Topics(DISTRICT, "st-a"), dir).insecureLab(true)
                .settingsRollbackAfter(WINDOW).build();
        FileDownlinkApplier applier = new FileDownlinkApplier(dir.resolve("downlinks"));
        try (SqliteOutbox outbox = new SqliteOutbox(dir); SqliteSyncState state = new SqliteSyncState(dir)) {
            SettingsGuard guard = new SettingsGuard(config, state, applier, InstantSource.system());
            DownlinkHandler handler = new DownlinkHandler(config.topics(), () -> TRUST, applier, outbox, state,
                    InstantSource.system(), () -> true, guard);
            handler.handle(settings(command(1, null)));
            assertEquals(Optional.empty(), guard.check(true), "version 1 confirmed at once: connected");
            DownlinkCommand moved = command(2, "tcp://10.255.255.1:1883");
            assertEquals(DownlinkAck.Outcome.APPLIED, handler.handle(settings(moved)).orElseThrow().outcome());
            assertEquals("tcp://10.255.255.1:1883", guard.broker());

            assertEquals(Optional.empty(), guard.check(false), "within the window nothing happens");
            assertEquals(2, applier.settingsInForce().orElseThrow().version());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            Optional<String> back = Optional.empty();
            while (back.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                back = guard.check(false);
            }
            assertEquals(Optional.of("tcp://127.0.0.1:1883"), back, "back to the station's own broker");
            assertEquals(1, applier.settingsInForce().orElseThrow().version());
            DownlinkAck report = Wire.decode(guard.report().orElseThrow(), DownlinkAck.class);
            assertEquals(moved.id(), report.commandId());
            assertEquals(DownlinkAck.Outcome.FAILED, report.outcome());
            assertTrue(report.message().startsWith("rolled back: no broker connection for PT2S after applying"
                    + " settings version 2; version 1 in force again"), report.message());

            // after a restart the report is still there until the broker took it
            SettingsGuard restarted = new SettingsGuard(config, state, applier, InstantSource.system());
            assertTrue(restarted.report().isPresent());
            restarted.reported();
            assertEquals(Optional.empty(), restarted.report());
            assertEquals(Optional.empty(), restarted.check(false), "nothing pending any more");

            DownlinkAck again = handler.handle(settings(moved)).orElseThrow();
            assertEquals(DownlinkAck.Outcome.FAILED, again.outcome());
            assertTrue(again.message().startsWith("rolled back earlier"), again.message());
            assertEquals(1, applier.settingsInForce().orElseThrow().version(), "nothing applied");
        }
    }

    @Test
    void aPlainTcpBrokerIsRefusedOutsideLabModeAndNothingApplied() throws Exception {
        SyncConfig config = SyncConfig.builder("ssl://mqtt.district.example.cn:8883", new Topics(DISTRICT, "st-a"), dir)
                .caPin("a".repeat(64)).settingsRollbackAfter(WINDOW).build();
        FileDownlinkApplier applier = new FileDownlinkApplier(dir.resolve("downlinks"));
        try (SqliteOutbox outbox = new SqliteOutbox(dir); SqliteSyncState state = new SqliteSyncState(dir)) {
            SettingsGuard guard = new SettingsGuard(config, state, applier, InstantSource.system());
            DownlinkHandler handler = new DownlinkHandler(config.topics(), () -> TRUST, applier, outbox, state,
                    InstantSource.system(), () -> true, guard);
            DownlinkAck ack = handler.handle(settings(command(1, "tcp://10.0.0.9:1883"))).orElseThrow();
            assertEquals(DownlinkAck.Outcome.REFUSED, ack.outcome());
            assertTrue(ack.message().startsWith("refusing tcp://10.0.0.9:1883: tcp:// sends the station's password"),
                    ack.message());
            assertEquals(Optional.empty(), applier.settingsInForce());
            assertEquals("ssl://mqtt.district.example.cn:8883", guard.broker());
        }
    }
}
