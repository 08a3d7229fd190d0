package org.warmstation.kiosk.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.warmstation.kiosk.ui.FxToolkit;
import org.warmstation.kiosk.ui.KioskViewModel;
import org.warmstation.kiosk.ui.TouchTargets;

/**
 * Every staff screen of the demo terminal, and the workers' screens that {@code LargeTextUiTest}
 * does not reach (report, handout, rating, member loans), on the smallest panel (800x480, the
 * first official 7" display) in both languages: inside the screen (a scrolling body may run below
 * it), text not clipped, buttons at least 96 px (decision 0280).
 */
class SmallPanelStaffScreensTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;
    static DemoWindow window;
    static KioskRuntime runtime;
    static Scene scene;

    @BeforeAll
    static void open() throws java.io.IOException {
        FxToolkit.start();
        window = DemoWindow.kiosk(dataDir, 800, 480);
        runtime = window.runtime();
        scene = window.stage().getScene();
    }

    @AfterAll
    static void close() {
        if (window != null) {
            window.close();
        }
    }

    private static KioskViewModel vm() {
        return runtime.viewModel();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"zh", "en"})
    void everyStaffScreenFitsTheSmallestPanel(String language) {
        FxToolkit.run(() -> {
            vm().backToIdle();
            boolean english = !vm().localeProperty().get().getLanguage().equals("zh");
            if (english != language.equals("en")) {
                vm().toggleLanguage();
            }
        });
        List<String> problems = new ArrayList<>();
        FxToolkit.run(() -> {
            vm().openStaff();
            "246810".chars().forEach(c -> vm().pinDigit(c - '0'));
        });
        check("STAFF_PIN", problems);
        FxToolkit.run(() -> vm().pinSubmit());
        FxToolkit.waitFor("today's figures", WAIT, () -> vm().staff().usageProperty().get() != null
                && scene.lookup("#staff-person-visits") != null);
        check("STAFF", problems);
        FxToolkit.run(() -> vm().openStaffTickets());
        check("STAFF_TICKETS", problems);
        FxToolkit.run(() -> vm().backToStaff());
        check("STAFF", problems);
        FxToolkit.run(() -> vm().openStaffLoans());
        check("STAFF_LOANS", problems);
        FxToolkit.run(() -> vm().closeLoans());
        check("STAFF", problems);
        FxToolkit.run(() -> vm().supplies().openStaffSupplies());
        check("STAFF_SUPPLIES", problems);
        FxToolkit.run(() -> {
            vm().backToIdle();
            vm().startReport();
        });
        check("REPORT", problems);
        FxToolkit.run(() -> vm().backToIdle());
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"courier sanitation zh", "taxi rider en large", "police guard en"})
    void theWorkersScreensAfterACheckInFitTheSmallestPanel(String run) {
        String[] words = run.split(" "); // two cards not checked in yet today, language, large text
        FxToolkit.run(() -> {
            vm().backToIdle();
            boolean english = !vm().localeProperty().get().getLanguage().equals("zh");
            if (english != words[2].equals("en")) {
                vm().toggleLanguage();
            }
            if (vm().largeTextProperty().get() != (words.length > 3)) {
                vm().toggleLargeText();
            }
        });
        List<String> problems = new ArrayList<>();
        for (String card : List.of(words[0], words[1])) {
            FxToolkit.run(() -> {
                vm().backToIdle();
                vm().scanned(runtime.demo().orElseThrow().card(card).qrText());
            });
            FxToolkit.waitFor("a check-in's screen", WAIT, () -> scene.lookup("#screen-ALREADY_CHECKED_IN") != null
                    || scene.lookup("#screen-WELCOME") != null);
            check(FxToolkit.call(() -> vm().screenProperty().get().name()), problems);
            if (card.equals(words[0])) {
                FxToolkit.run(() -> vm().supplies().openHandout());
                check("HANDOUT", problems);
                FxToolkit.run(() -> vm().finishVisit());
                check("RATING", problems);
                FxToolkit.run(() -> vm().supplies().rate(org.warmstation.protocol.rating.RatingAnswer.DISSATISFIED));
                FxToolkit.waitFor("the reasons", WAIT, () -> scene.lookup("#reason-COLD") != null
                        && scene.lookup("#reason-COLD").getParent().isVisible());
                check("RATING", problems);
            } else {
                FxToolkit.run(() -> vm().openMemberLoans());
                check("MEMBER_LOANS", problems);
                FxToolkit.run(() -> vm().closeLoans());
            }
        }
        FxToolkit.run(() -> {
            vm().backToIdle();
            if (vm().largeTextProperty().get()) {
                vm().toggleLargeText();
            }
        });
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    @org.junit.jupiter.api.Test
    void aClosedStationsIdleAndStaffScreensFitTheSmallestPanel() throws java.io.IOException {
        FxToolkit.run(() -> vm().backToIdle());
        ClosedHoursUiTest.closeTodayWithNeighbours(dataDir, null);
        List<String> problems = new ArrayList<>();
        try {
            for (String language : List.of("zh", "en")) {
                FxToolkit.run(() -> {
                    vm().backToIdle();
                    boolean english = !vm().localeProperty().get().getLanguage().equals("zh");
                    if (english != language.equals("en")) {
                        vm().toggleLanguage();
                    }
                });
                FxToolkit.waitFor("the closed notice", WAIT, () -> scene.lookup("#idle-nearest") instanceof
                        javafx.scene.control.Label l && l.isVisible());
                check("IDLE", problems);
                FxToolkit.run(() -> {
                    vm().openStaff();
                    "246810".chars().forEach(c -> vm().pinDigit(c - '0'));
                    vm().pinSubmit();
                });
                FxToolkit.waitFor("the staff's closed line", WAIT, () -> scene.lookup("#staff-closed") instanceof
                        javafx.scene.control.Label l && l.isVisible());
                check("STAFF", problems);
            }
        } finally {
            FxToolkit.run(() -> vm().backToIdle());
            java.nio.file.Files.delete(dataDir.resolve("station-settings.json"));
            java.nio.file.Files.delete(dataDir.resolve(StationSettingsFile.NEIGHBOURS));
            FxToolkit.waitFor("open again", WAIT, () -> vm().closedProperty().get() == null);
        }
        assertEquals(List.of(), problems, String.join("\n", problems));
    }

    private static void check(String screen, List<String> problems) {
        FxToolkit.waitFor(screen, WAIT, () -> scene.lookup("#screen-" + screen) != null);
        shoot(screen);
        for (String p : FxToolkit.call(() -> TouchTargets.problems(scene.getRoot(), 96))) {
            problems.add(screen + ": " + p);
        }
    }

    /** Pictures of the last run of each screen, beside the other screenshots (not in docs). */
    private static void shoot(String screen) {
        java.awt.image.BufferedImage img = FxToolkit.call(() -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            return javafx.embed.swing.SwingFXUtils.fromFXImage(scene.snapshot(null), null);
        });
        try {
            Path out = Path.of("target/screenshots/800x480");
            java.nio.file.Files.createDirectories(out);
            String lang = FxToolkit.call(() -> vm().localeProperty().get().getLanguage());
            boolean large = FxToolkit.call(() -> vm().largeTextProperty().get());
            javax.imageio.ImageIO.write(img, "png",
                    out.resolve(screen + "-" + lang + (large ? "-large" : "") + ".png").toFile());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
