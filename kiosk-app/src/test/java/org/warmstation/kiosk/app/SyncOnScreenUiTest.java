package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.kiosk.sync.StationServices;
import org.warmstation.kiosk.sync.SyncSnapshot;
import org.warmstation.kiosk.ui.FxToolkit;
import org.warmstation.kiosk.ui.Screen;
import org.warmstation.protocol.wire.StationSettings;
import org.warmstation.protocol.wire.Wire;

/**
 * The sync state on the real staff screen and the district's announcement on the real idle screen
 * (headless platform), fed through the kiosk's {@link StationServices} hook and settings file. The
 * agent behind the hook is tested in module terminal (KioskSyncTest); here the hook reports states the
 * test sets, to check what staff read in both languages.
 */
class SyncOnScreenUiTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dataDir;
    private DemoWindow window;
    private KioskRuntime runtime;
    private final AtomicReference<SyncSnapshot> state = new AtomicReference<>(SyncSnapshot.UNKNOWN);

    @BeforeAll
    static void toolkit() {
        FxToolkit.start();
    }

    private void show() throws Exception {
        window = DemoWindow.show(dataDir, r -> r.attach(new StationServices() {
            @Override
            public Optional<SyncSnapshot> sync() {
                return Optional.of(state.get());
            }

            @Override
            public Optional<String> notice() {
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        }));
        runtime = window.runtime();
    }

    @AfterEach
    void close() {
        if (window != null) {
            window.close();
        }
    }

    /** FX thread only (inside waitFor) */
    private Node findFx(String selector) {
        return window.lookup(selector);
    }

    /** FX thread only (inside waitFor) */
    private String textFx(String selector) {
        return window.lookup(selector) instanceof Label l ? l.getText() : null;
    }

    private Node find(String selector) {
        return FxToolkit.call(() -> findFx(selector));
    }

    private String text(String selector) {
        return FxToolkit.call(() -> textFx(selector));
    }

    private void openStaff() {
        FxToolkit.run(() -> {
            var vm = runtime.viewModel();
            vm.openStaff();
            for (char c : DemoStation.STAFF_PIN.toCharArray()) {
                vm.pinDigit(c - '0');
            }
            vm.pinSubmit();
        });
        FxToolkit.waitFor("the staff screen", WAIT,
                () -> runtime.viewModel().screenProperty().get() == Screen.STAFF);
    }

    @Test
    void staffScreenShowsConnectionLastSyncWaitingAndDiskWarningInBothLanguages() throws Exception {
        Instant last = Instant.parse("2026-11-21T06:05:09Z"); // 14:05:09 in Beijing
        state.set(new SyncSnapshot(true, Optional.of(last), 3, Optional.of(Duration.ofMinutes(2)), false,
                Optional.empty(), OptionalLong.of(41)));
        show();
        FxToolkit.waitFor("the demo tray's district line", WAIT,
                () -> String.valueOf(textFx("#demo-district")).contains("41"));
        assertTrue(text("#demo-district").contains("区总工会") && text("#demo-district").contains("District"),
                text("#demo-district"));
        openStaff();
        FxToolkit.waitFor("the sync line", WAIT, () -> textFx("#staff-sync-state") != null);
        String zh = text("#staff-sync-state");
        assertTrue(zh.contains("已连接") && zh.contains("14:05:09") && zh.contains("待上传 3 条"), zh);
        assertTrue(zh.contains("区总工会已收到 41 条"), zh);
        assertNull(find("#staff-sync-disk"), "no disk warning while there is space");

        state.set(new SyncSnapshot(false, Optional.of(last), 120, Optional.of(Duration.ofHours(1)), true,
                Optional.of("connection lost"), OptionalLong.empty()));
        FxToolkit.waitFor("offline and the disk warning", WAIT, () -> findFx("#staff-sync-disk") != null);
        assertTrue(text("#staff-sync-state").contains("未连接"), text("#staff-sync-state"));
        assertTrue(text("#staff-sync-state").contains("120"), text("#staff-sync-state"));

        FxToolkit.run(() -> runtime.viewModel().toggleLanguage());
        FxToolkit.waitFor("English", WAIT, () -> String.valueOf(textFx("#staff-sync-state")).startsWith("Sync:"));
        String en = text("#staff-sync-state");
        assertTrue(en.contains("not connected") && en.contains("120 visits waiting"), en);
        assertTrue(text("#staff-sync-disk").contains("disk is nearly full"), text("#staff-sync-disk"));
    }

    @Test
    void staffScreenWarnsWhenTheCardListsAreOlderThan24Hours() throws Exception {
        Instant now = Instant.now();
        state.set(new SyncSnapshot(true, Optional.of(now), 0, Optional.empty(), false, Optional.empty(),
                OptionalLong.empty(), Optional.of(new org.warmstation.protocol.wire.HeldLists(4, now.minusSeconds(3600), 2,
                now.minusSeconds(3600)))));
        show();
        openStaff();
        FxToolkit.waitFor("the sync line", WAIT, () -> textFx("#staff-sync-state") != null);
        assertNull(find("#staff-sync-lists"), "lists received an hour ago");

        state.set(new SyncSnapshot(true, Optional.of(now), 0, Optional.empty(), false, Optional.empty(),
                OptionalLong.empty(), Optional.of(new org.warmstation.protocol.wire.HeldLists(4, now.minusSeconds(25 * 3600),
                2, now.minusSeconds(3600)))));
        FxToolkit.waitFor("the card-list warning", WAIT, () -> findFx("#staff-sync-lists") != null);
        assertTrue(text("#staff-sync-lists").contains("超过24小时"), text("#staff-sync-lists"));
    }

    @Test
    void districtAnnouncementAppearsOnTheIdleScreenAndGoesAgain() throws Exception {
        show();
        assertEquals(Boolean.FALSE, FxToolkit.call(() -> findFx("#idle-announcement").isVisible()));
        Path settings = dataDir.resolve("station-settings.json");
        Files.write(settings, Wire.encode(new StationSettings(600, List.of("HOT_WATER"), "寒潮预警：驿站今晚通宵开放")));
        FxToolkit.waitFor("the announcement", WAIT,
                () -> String.valueOf(textFx("#idle-announcement")).contains("寒潮预警：驿站今晚通宵开放"));
        assertEquals(Boolean.TRUE, FxToolkit.call(() -> findFx("#idle-announcement").isVisible()));
        Files.delete(settings);
        FxToolkit.waitFor("no announcement", WAIT,
                () -> !findFx("#idle-announcement").isVisible());
    }
}
