package org.warmstation.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.kiosk.domain.DailyUsage;
import org.warmstation.kiosk.domain.PinGate;
import org.warmstation.protocol.card.RejectionReason;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;
import org.warmstation.visitlog.domain.VisitSource;

/**
 * Large-text mode on the headless platform (decision 0141): the idle screen's big toggle scales
 * the workers' type by 34/26, and the workers' screens still fit the smallest (800x480), the
 * terminal's (1024x600) and a large (1280x800) panel in both languages, with nothing outside the
 * scene, no clipped text and every button big enough for gloves.
 */
class LargeTextUiTest {
    private static final Instant MORNING = Instant.parse("2026-11-21T02:30:00Z"); // 10:30 in Beijing
    private static final double SCALE = 34.0 / 26.0;
    private static final Visit VISIT = new Visit(UUID.randomUUID(), 1, DemoStation.STATION_ID, MORNING,
            DemoStation.ZONE, null, 0, WorkerCategory.FOOD_DELIVERY, Set.of(), VisitSource.GUEST, true,
            Duration.ofMinutes(5));

    private Stage stage;
    private Scene scene;
    private KioskViewModel vm;

    @BeforeAll
    static void toolkit() {
        FxToolkit.start();
    }

    @AfterEach
    void close() {
        if (stage != null) {
            FxToolkit.run(stage::close);
        }
    }

    /** A backend that welcomes every scan but "rejected" (the screens are tested here, not the check-in). */
    private static final KioskBackend BACKEND = new KioskBackend() {
        @Override
        public CheckInResult checkIn(String scannedText) {
            return scannedText.equals("rejected") ? new CheckInResult.Rejected(RejectionReason.EXPIRED)
                    : new CheckInResult.Welcome(VISIT);
        }

        @Override
        public CheckInResult checkInGuest(WorkerCategory category) {
            return new CheckInResult.Welcome(VISIT);
        }

        @Override
        public Visit setServices(UUID visit, Set<Service> services) {
            return VISIT;
        }

        @Override
        public DailyUsage usageOn(LocalDate day) {
            throw new UnsupportedOperationException("no staff screen here");
        }
    };

    private void show(int width, int height) {
        FxToolkit.run(() -> {
            TestStationClock clock = new TestStationClock(MORNING);
            vm = new KioskViewModel(BACKEND, new SameThreadTaskExecutor(), clock, DemoStation.ZONE,
                    PinGate.standard("2468"::equals, clock::sinceBoot), KioskSettings.defaults(DemoStation.STATION_NAME));
            scene = new Scene(new KioskView(vm).root(), width, height);
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
        });
    }

    private double fontSize(String selector) {
        return FxToolkit.call(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return ((Label) scene.lookup(selector)).getFont().getSize();
        });
    }

    @Test
    void theBigButtonOnTheIdleScreenScalesTheWorkersTextAndBack() {
        show(1024, 600);
        double hint = fontSize("#idle-hint");
        assertEquals(30, hint, 0.5, "the idle hint's normal size");
        assertEquals(76, fontSize("#prompt"), 0.5, "the idle prompt's size");
        FxToolkit.run(() -> Taps.tap(scene.lookup("#large-text")));
        FxToolkit.waitFor("large text on", Duration.ofSeconds(10), () -> vm.largeTextProperty().get());
        assertEquals(hint * SCALE, fontSize("#idle-hint"), 0.5, "the idle hint in large text");
        assertEquals(76, fontSize("#prompt"), 0.5, "the prompt is big already and keeps its size");
        assertTrue(FxToolkit.call(() -> ((ToggleButton) scene.lookup("#large-text")).isSelected()), "shown as on");

        FxToolkit.run(() -> vm.scanned("WS1:any card"));
        FxToolkit.waitFor("the welcome screen", Duration.ofSeconds(10), () -> scene.lookup("#screen-WELCOME") != null);
        assertEquals(44 * SCALE, fontSize(".greeting"), 0.5, "the welcome greeting in large text");
        FxToolkit.run(() -> {
            vm.backToIdle();
            vm.toggleLargeText();
            vm.scanned("WS1:any card");
        });
        assertEquals(44, fontSize(".greeting"), 0.5, "the welcome greeting back to normal");
        FxToolkit.run(() -> vm.backToIdle());
        assertEquals(hint, fontSize("#idle-hint"), 0.5, "the idle hint back to normal");
        assertFalse(FxToolkit.call(() -> ((ToggleButton) scene.lookup("#large-text")).isSelected()));
    }

    @Test
    void typeScalesWithThePanelSoItKeepsItsPhysicalSize() {
        assertEquals(26, KioskView.fontSize(1024, 600, false));
        assertEquals(34, KioskView.fontSize(1024, 600, true));
        assertEquals(20.3, KioskView.fontSize(800, 480, false), "800x480 7-inch panel: larger pixels");
        assertEquals(32.5, KioskView.fontSize(1280, 800, false));
        show(800, 480);
        assertEquals(30 * 800 / 1024.0, fontSize("#idle-hint"), 0.5);
    }

    @Test
    void staffScreensKeepTheirSizeInLargeTextMode() {
        show(1024, 600);
        FxToolkit.run(() -> {
            vm.toggleLargeText();
            vm.openStaff();
        });
        assertFalse(FxToolkit.call(() -> scene.lookup("." + KioskView.LARGE_TEXT) != null), "the PIN pad is staff's");
    }

    static Stream<Arguments> panels() {
        return Stream.of(new int[] {800, 480}, new int[] {1024, 600}, new int[] {1280, 800})
                .flatMap(size -> Stream.of(true, false).flatMap(large -> Stream.of("zh", "en")
                        .map(lang -> Arguments.of(size[0], size[1], large, lang))));
    }

    @ParameterizedTest(name = "{0}x{1} large={2} {3}")
    @MethodSource("panels")
    void workersScreensFitThePanel(int width, int height, boolean large, String language) {
        show(width, height);
        FxToolkit.run(() -> {
            if (large) {
                vm.toggleLargeText();
            }
            if (language.equals("en")) {
                vm.toggleLanguage();
            }
        });
        List<String> problems = new java.util.ArrayList<>();
        for (Runnable screen : List.<Runnable>of(() -> { }, () -> vm.scanned("WS1:any card"), vm::startGuest,
                () -> vm.scanned("rejected"))) {
            problems.addAll(FxToolkit.call(() -> {
                vm.backToIdle();
                screen.run();
                return TouchTargets.problems(scene.getRoot(), Ui.MIN_TARGET).stream()
                        .map(p -> vm.screenProperty().get() + ": " + p).toList();
            }));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
