package org.warmstation.kiosk.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.warmstation.kiosk.demo.DemoStation;
import org.warmstation.kiosk.domain.CheckInResult;
import org.warmstation.kiosk.domain.DailyUsage;
import org.warmstation.kiosk.domain.PinGate;
import org.warmstation.protocol.card.WorkerCategory;
import org.warmstation.visitlog.domain.Service;
import org.warmstation.visitlog.domain.Visit;

/**
 * On a configured terminal (re-enrollment available, decision 0225) the damaged screen and the
 * staff screen fit the terminal's panel (1024x600) and the smallest (800x480, the 7-inch panel of
 * the first official display), in both languages, with their re-enroll buttons: inside the scene,
 * text not clipped, big enough for gloves (96 px). On the low panel the staff screen's figures and
 * tables scroll vertically (decision 0280): scrolled to the end, the last row of the tables shows.
 * The re-enroll screen the staff screen's button opens fits both panels too.
 */
@org.junit.jupiter.api.Tag("screenshots")
class ReenrollRowsUiTest {
    private static final Instant MORNING = Instant.parse("2026-11-21T02:30:00Z");
    private static final KioskBackend BACKEND = new KioskBackend() {
        @Override
        public CheckInResult checkIn(String scannedText) {
            throw new UnsupportedOperationException("no check-in here");
        }

        @Override
        public CheckInResult checkInGuest(WorkerCategory category) {
            throw new UnsupportedOperationException("no check-in here");
        }

        @Override
        public Visit setServices(UUID visit, Set<Service> services) {
            throw new UnsupportedOperationException("no check-in here");
        }

        @Override
        public DailyUsage usageOn(LocalDate day) {
            return new DailyUsage(day, 128, 97, 31, Map.of(10, 40, 11, 88), Map.of(WorkerCategory.COURIER, 70,
                    WorkerCategory.FOOD_DELIVERY, 58), Map.of(Service.HOT_WATER, 90, Service.REST, 60));
        }
    };

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

    @ParameterizedTest(name = "{0}x{1} {2}")
    @CsvSource({"1024, 600, zh", "1024, 600, en", "800, 480, zh", "800, 480, en"})
    void theReenrollButtonsFitTheDamagedAndTheStaffScreen(int width, int height, String language) {
        FxToolkit.run(() -> {
            TestStationClock clock = new TestStationClock(MORNING);
            vm = new KioskViewModel(BACKEND, new SameThreadTaskExecutor(), clock, DemoStation.ZONE,
                    PinGate.standard("2468"::equals, clock::sinceBoot), KioskSettings.defaults(DemoStation.STATION_NAME));
            org.warmstation.protocol.enroll.EnrollmentVerifier verifier = new org.warmstation.protocol.enroll.EnrollmentVerifier(
                    new org.warmstation.protocol.card.TrustList(MORNING.minusSeconds(86_400), List.of(
                            org.warmstation.protocol.card.DistrictKey.generate(110105).trustedKey())), Set.of(110105));
            vm.reenrollment().attach(() -> new EnrollmentViewModel(() -> verifier, clock, new SameThreadTaskExecutor(),
                    e -> { }, e -> { }));
            if (language.equals("en")) {
                vm.toggleLanguage();
            }
            scene = new Scene(new KioskView(vm).root(), width, height);
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
            vm.terminalDamaged();
        });
        FxToolkit.waitFor("the damaged screen", Duration.ofSeconds(10), () -> scene.lookup("#screen-DAMAGED") != null);
        assertFits("#damaged-reenroll");

        FxToolkit.run(() -> {
            vm.backToIdle();
            vm.openStaff();
            "2468".chars().forEach(c -> vm.pinDigit(c - '0'));
            vm.pinSubmit();
        });
        FxToolkit.waitFor("the staff screen", Duration.ofSeconds(10), () -> scene.lookup("#screen-STAFF") != null);
        assertEquals(Screen.STAFF, FxToolkit.call(() -> vm.screenProperty().get()));
        assertFits("#staff-reenroll");
        if (width < 1024) { // a picture of the low panel beside ScreenshotTest's (docs/screenshots via ./station screenshots)
            shoot("staff-" + width + "x" + height + "-" + language);
        }
        assertLastTableRowReachable();

        FxToolkit.run(() -> vm.openReenroll());
        FxToolkit.waitFor("the re-enroll screen", Duration.ofSeconds(10),
                () -> scene.lookup("#screen-STAFF_REENROLL") != null);
        List<String> problems = FxToolkit.call(() -> TouchTargets.problems(scene.getRoot(), 96));
        shoot("staff-reenroll-" + width + "x" + height + "-" + language);
        assertTrue(problems.isEmpty(), "re-enroll screen: " + String.join("\n", problems));
    }

    private void shoot(String name) {
        java.awt.image.BufferedImage img = FxToolkit.call(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return javafx.embed.swing.SwingFXUtils.fromFXImage(scene.snapshot(null), null);
        });
        try {
            java.nio.file.Path out = java.nio.file.Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
            java.nio.file.Files.createDirectories(out);
            javax.imageio.ImageIO.write(img, "png", out.resolve(name + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private void assertLastTableRowReachable() {
        String seen = FxToolkit.call(() -> {
            javafx.scene.control.ScrollPane body = (javafx.scene.control.ScrollPane) scene.lookup("#staff-body");
            javafx.scene.layout.GridPane tables = (javafx.scene.layout.GridPane) scene.lookup("#staff-tables");
            Node last = tables.getChildren().stream()
                    .max(java.util.Comparator.comparingInt(n -> javafx.scene.layout.GridPane.getRowIndex(n)))
                    .orElseThrow();
            body.setVvalue(body.getVmax());
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            javafx.geometry.Bounds viewport = body.localToScene(body.getLayoutBounds());
            javafx.geometry.Bounds row = last.localToScene(last.getLayoutBounds());
            boolean shown = row.getMinY() >= viewport.getMinY() - 0.5 && row.getMaxY() <= viewport.getMaxY() + 0.5
                    && row.getMaxY() <= scene.getHeight() + 0.5;
            return shown ? "" : "last row " + row + " not within the scrolled body " + viewport;
        });
        assertEquals("", seen);
    }

    private void assertFits(String button) {
        List<String> problems = FxToolkit.call(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            Node b = scene.lookup(button);
            assertTrue(b != null && b.isVisible(), button + " is shown on a configured terminal");
            return TouchTargets.problems(scene.getRoot(), 96);
        });
        assertTrue(problems.isEmpty(), button + ": " + String.join("\n", problems));
    }
}
